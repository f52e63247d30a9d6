# Russian formats: only what differs from Django's own. A day and month are written with the
# month in the genitive, as in a full date ("14 апреля", "14 апреля 2027 г."); Django writes the
# nominative ("14 Апрель"), which no Russian reader writes.
# The syntax is that of the date template filter: https://docs.djangoproject.com/en/stable/ref/templates/builtins/#date
MONTH_DAY_FORMAT = "j E"
