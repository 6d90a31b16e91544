# Actions and the action plan: proposing, agreeing, due dates and /plan.
# Plain British English, the toolkit's terms.
