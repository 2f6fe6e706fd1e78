from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from citypeer.people.models import User


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ["username", "name", "initials", "city", "organisation", "is_coordinator",
                    "is_host_officer", "is_peer", "is_expert"]
    list_filter = ["is_coordinator", "is_host_officer", "is_peer", "is_expert", "city"]
    search_fields = ["username", "name", "initials", "organisation", "email"]
    list_select_related = ["city"]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Profile"), {"fields": ["name", "initials", "email", "city", "organisation",
                                   "languages"]}),
        (_("Roles"), {"fields": ["is_coordinator", "is_host_officer", "is_peer", "is_expert"]}),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups",
                                  "user_permissions"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "name", "password1", "password2"]}),
    ]
