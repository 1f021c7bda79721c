"""The gate stage: does an article pass?

Receives the Findings and the scores. Adds the ``Verdict`` (``policy``:
fail on a severity, a minimum quality, readability bounds, finding counts,
expected languages). ``config`` reads ``audit.yaml`` (rules, packs, policy,
scoring settings, ignores) and ``baseline`` the findings recorded earlier,
which no longer fail the gate. Open ``policy`` first.
"""
