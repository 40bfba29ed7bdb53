"""English dates in the British style: "6 December 2026", not Django's American "Dec. 6, 2026".

The English pages are read by partners across Europe, where the day comes
before the month. Only the output formats change; whatever is not set here
(input formats, separators, the time) stays Django's ``en``.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y P"
FIRST_DAY_OF_WEEK = 1  # Monday, as in the calendar's month view
