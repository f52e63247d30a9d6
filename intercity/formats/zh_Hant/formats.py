# Traditional Chinese number grouping, after CLDR "zh-Hant" (28,000): Django's own formats
# group by four without a separator; every other format comes from Django's.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
