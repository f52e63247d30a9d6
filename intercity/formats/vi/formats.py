# Vietnamese number grouping, after CLDR "vi" (28.000): Django's own formats leave
# grouping off; every other format comes from Django's.
NUMBER_GROUPING = 3
