# Malay formats: only what differs from Django's own. A full date spells the month out
# ("5 Disember 2024"), as Malaysian official letters do and as the day and month alone already
# read; Django abbreviates it ("5 Dis 2024").
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
