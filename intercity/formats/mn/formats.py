# Mongolian formats, after CLDR "mn": year, month, then the unpadded day, alike in dates and
# date-times (Django's own pad the day in one and write the other in the United States order);
# number grouping as CLDR (28,000), which Django leaves off.
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
DATE_FORMAT = "Y оны Fын j"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "Y оны Fын j, H:i"
YEAR_MONTH_FORMAT = "Y оны F"
MONTH_DAY_FORMAT = "Fын j"
SHORT_DATE_FORMAT = "Y.m.d"
SHORT_DATETIME_FORMAT = "Y.m.d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# ISO first: date and date-time pickers send it and are given it.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y.%m.%d %H:%M"]
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
