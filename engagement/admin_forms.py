"""Admin forms of the engagement models (the snippet views' ``base_form_class``).

Imports no engagement model: the models name these forms.
"""

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permissions import policy_registry


class NetworkRecordForm(WagtailAdminModelForm):
    """The network field offers only the networks where the user may add (or change) the record.

    The platform's roles get every network; a network's moderator gets their
    own (preselected when it is the only one). A posted id of another network
    is "not one of the available choices".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None or self.for_user is None:
            return
        policy = policy_registry.get_by_type(self._meta.model)
        networks = policy.networks_for(self.for_user, "change" if self.instance.pk else "add")
        if networks is not None:
            field.queryset = field.queryset.filter(pk__in=networks)
            if len(networks) == 1 and not self.instance.pk:
                self.initial["site"] = next(iter(networks))
