# Hindi number grouping, after CLDR "hi": the last three digits, then twos (1,00,000);
# every other format comes from Django's.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = (3, 2, 0)
