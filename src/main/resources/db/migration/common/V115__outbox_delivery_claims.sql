-- Each delivery is claimed in its own row before it is sent (OutboxDispatcher): a dispatcher run that outlasts its
-- cluster lease must not send again what the run that took the lease over is sending or has sent. A claim that is
-- never given back (its node died between sending and recording) runs out, so the delivery is tried again.
ALTER TABLE notification_outbox ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE notification_outbox ADD COLUMN claimed_until TIMESTAMP;
