from django.urls import path

from . import views

app_name = "engagement"

urlpatterns = [
    path("newsletter/", views.newsletter_subscribe, name="newsletter_subscribe"),
    path("newsletter/link/", views.newsletter_link_request, name="newsletter_link_request"),
    path("newsletter/confirm/<str:token>/", views.newsletter_confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.newsletter_unsubscribe, name="newsletter_unsubscribe"),
    path("newsletter/address/<str:token>/", views.newsletter_email_confirm, name="newsletter_email_confirm"),
    path("newsletter/my-data/<str:token>/", views.newsletter_manage, name="newsletter_manage"),
    path("newsletter/my-data/<str:token>/download/", views.newsletter_export, name="newsletter_export"),
    path("newsletter/my-data/<str:token>/restrict/", views.newsletter_restrict, name="newsletter_restrict"),
    path("newsletter/my-data/<str:token>/erase/", views.newsletter_erase, name="newsletter_erase"),
    path("join/activate/<uidb64>/<token>/", views.EditorActivateView.as_view(), name="editor_activate"),
]
