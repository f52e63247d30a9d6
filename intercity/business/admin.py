"""Raw data work on the business records for the secretariat."""

from django.contrib import admin

from intercity.business import models

for model in (
    models.Sector,
    models.Profile,
    models.Opportunity,
    models.Event,
    models.Slot,
    models.Registration,
    models.MeetingRequest,
    models.ScheduleRun,
):
    admin.site.register(model)
