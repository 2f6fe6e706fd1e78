from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from citypeer.programmes.models import Programme


@login_required
def programme_list(request):
    programmes = (
        Programme.objects.select_related("benchmark")
        .prefetch_related("cities", "reviews__city")
        .order_by("name")
    )
    return render(request, "programmes/programme_list.html", {"programmes": programmes})


@login_required
def programme_detail(request, slug):
    programme = get_object_or_404(
        Programme.objects.select_related("benchmark").prefetch_related("cities", "reviews__city"),
        slug=slug,
    )
    host_ids = {r.city_id for r in programme.reviews.all()}
    return render(
        request,
        "programmes/programme_detail.html",
        {"programme": programme, "host_ids": host_ids},
    )
