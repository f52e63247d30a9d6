# Mongolian number grouping, after CLDR "mn" (28,000): Django's own formats leave
# grouping off; every other format comes from Django's.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
