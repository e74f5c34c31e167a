-- The time step of the last second-factor code used, so that no code signs in twice.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
