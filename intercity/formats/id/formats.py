# Indonesian formats: only what differs from Django's own. A full date spells the month out
# ("5 Desember 2024"), as Indonesian letters and decrees do and as the day and month alone
# already read; Django abbreviates it ("5 Des. 2024").
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, G.i"
