# Vietnamese formats, after CLDR "vi": the day unpadded and the month as a number, alike in
# dates, date-times and month-days (Django's own pad the day in some and not others, and
# capitalise "Ngày" mid-sentence); number grouping as CLDR (28.000).
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
DATE_FORMAT = r"j \t\há\n\g n \nă\m Y"
DATETIME_FORMAT = r"H:i, j \t\há\n\g n \nă\m Y"
YEAR_MONTH_FORMAT = r"\t\há\n\g n \nă\m Y"
MONTH_DAY_FORMAT = r"j \t\há\n\g n"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
FIRST_DAY_OF_WEEK = 1  # Monday
# ISO first: date and date-time pickers send it and are given it.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%d-%m-%Y %H:%M",
    "%H:%M %d/%m/%Y",
]
NUMBER_GROUPING = 3
