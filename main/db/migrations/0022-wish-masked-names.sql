-- A one-character beneficiary name was kept as it is in beneficiary_masked (common/person-name.ts
-- now masks it as *): the wall, the hall screen, the papers and the county saw the whole name.
-- length() counts characters, so a rare (Ext-B) character is one. The county re-masks what it
-- receives and fixes its own copy (county migration 0004).
UPDATE wishes SET beneficiary_masked = '*' WHERE length(trim(beneficiary_name)) <= 1 AND beneficiary_masked <> '*';
