"""The deliveries by e-mail: each titular's monthly ficha (`python -m indicators enviar`) and each Unidad de
Transparencia's list of requests about to expire (`python -m indicators recordatorios`).

settings (SMTP server, dashboard address, maximum warehouse age) → freshness (nothing from a stale warehouse) →
monthly / reminders (who gets what: the roles catalog of access/, the warehouse) → messages (the e-mail itself,
plain text) → run (once per key, with the delivery log of participacion/) → outbox (SMTP, or a folder for --prueba).
"""
