-- A station before its migration 0022 sent a one-character beneficiary name unmasked; what it
-- sends now is masked again on receipt (county/store/wishes.ts). char_length counts characters.
UPDATE station_wishes SET beneficiary_masked = '*' WHERE char_length(beneficiary_masked) <= 1 AND beneficiary_masked <> '*';
