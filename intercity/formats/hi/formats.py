# Hindi formats, after CLDR "hi": the day first in date-times as in dates (Django gives
# date-times the United States order, and another spelling of the month); number grouping
# as CLDR, the last three digits, then twos (1,00,000).
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
DATETIME_FORMAT = "j F Y, g:i A"
SHORT_DATETIME_FORMAT = "d-m-Y g:i A"
# ISO first: date and date-time pickers send it and are given it.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M", "%d/%m/%Y %H:%M"]
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = (3, 2, 0)
