-- `cashback payout schedule` as one statement (rows in bench/sql/schedule_rows.sql).
WITH
{{SCHEDULE_ROWS}}
SELECT * FROM rows ORDER BY pay_by, claim_id;
