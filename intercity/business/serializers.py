"""API representations of business profiles and opportunities."""

from rest_framework import serializers

from intercity.business.models import Opportunity, Profile


class ProfileSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.name")
    slug = serializers.CharField(source="organisation.slug")
    city = serializers.CharField(source="organisation.city.name")
    sector = serializers.CharField(source="sector.code")

    class Meta:
        model = Profile
        fields = ["slug", "organisation", "city", "sector", "size", "languages", "offers", "seeks"]


class OpportunitySerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.slug", read_only=True)

    class Meta:
        model = Opportunity
        fields = [
            "id",
            "organisation",
            "direction",
            "kind",
            "title",
            "description",
            "status",
            "expires_on",
        ]
