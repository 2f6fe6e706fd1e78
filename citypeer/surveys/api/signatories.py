"""signatories/ and signatories/<city>/: the register, for the coordinator."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.lookup import require
from citypeer.surveys.api.common import EDIT, READ, TAG, WRITE
from citypeer.surveys.domain.lookup import get_city, get_signatory
from citypeer.surveys.domain.queries import signatories
from citypeer.surveys.domain.signatories import add_signatory, update_signatory
from citypeer.surveys.interfaces import serializers

MANAGE = "surveys.manage_signatories"


class SignatoryList(APIView):
    @extend_schema(tags=TAG, operation_id="signatories_list",
                   responses={200: serializers.SignatorySerializer(many=True), **READ})
    def get(self, request):
        require(request.user, MANAGE)
        return Response(serializers.SignatorySerializer(signatories(), many=True).data)

    @extend_schema(tags=TAG, operation_id="signatories_create",
                   request=serializers.SignatoryCreateSerializer,
                   responses={201: serializers.SignatorySerializer, **WRITE})
    def post(self, request):
        require(request.user, MANAGE)
        data = serializers.SignatoryCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        city = get_city(fields.pop("city"))
        signatory = add_signatory(city=city, **fields)
        return Response(serializers.SignatorySerializer(signatory).data, status=201)


class SignatoryDetail(APIView):
    @extend_schema(tags=TAG, operation_id="signatories_read",
                   responses={200: serializers.SignatorySerializer, **READ})
    def get(self, request, city):
        require(request.user, MANAGE)
        return Response(serializers.SignatorySerializer(get_signatory(city)).data)

    @extend_schema(tags=TAG, operation_id="signatories_update",
                   request=serializers.SignatoryUpdateSerializer,
                   responses={200: serializers.SignatorySerializer, **EDIT})
    def patch(self, request, city):
        require(request.user, MANAGE)
        found = get_signatory(city)
        data = serializers.SignatoryUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        saved = update_signatory(signatory=found, edit_count=fields.pop("edit_count"), **fields)
        return Response(serializers.SignatorySerializer(saved).data)
