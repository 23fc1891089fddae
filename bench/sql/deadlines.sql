-- `cashback deadlines` (within 14 days) as one statement: the latest
-- unanswered bank notice of each approved or payment_failed claim's current
-- cycle when overdue or due within the window, and the unpaid schedule rows
-- whose pay_by is overdue or within the window; soonest first.
WITH
{{SCHEDULE_ROWS}},
cycle AS (
    SELECT c.id AS claim_id, c.reseller_id,
           CASE c.status WHEN 'approved' THEN 'bank_details' ELSE 'bank_correction' END AS kind,
           n.number, n.sent_on, n.respond_by, n.answered_on,
           (SELECT count(*) FROM notices AS m
            WHERE m.claim_id = c.id AND m.cycle = c.cycle
              AND m.kind IN ('bank_details', 'bank_correction')) AS sent,
           o.definition ->> '$.notices.max_notices' AS max_notices
    FROM claims AS c
    JOIN offers AS o ON o.code = c.offer_code
    JOIN notices AS n ON n.id = (
        SELECT m.id FROM notices AS m
        WHERE m.claim_id = c.id AND m.cycle = c.cycle
          AND m.kind IN ('bank_details', 'bank_correction')
        ORDER BY m.number DESC LIMIT 1)
    WHERE c.status IN ('approved', 'payment_failed')
),
notice_rows AS (
    SELECT 'notice' AS kind, claim_id, reseller_id, respond_by AS due_on,
           '{{TODAY}}' > respond_by AS overdue,
           kind || ' notice ' || number || ' of ' || max_notices ||
           CASE WHEN '{{TODAY}}' <= respond_by THEN ' sent ' || sent_on || ': bank details due'
                WHEN sent >= max_notices THEN ' expired unanswered: `sweep` forfeits the claim'
                ELSE ' expired unanswered: the next notice is due' END AS detail
    FROM cycle
    WHERE answered_on IS NULL
      AND ('{{TODAY}}' > respond_by OR respond_by <= date('{{TODAY}}', '+14 days'))
),
payout_rows AS (
    SELECT 'payout' AS kind, claim_id, reseller_id, pay_by AS due_on,
           status = 'overdue' AS overdue,
           CASE WHEN status = 'overdue' THEN 'payout of ' ELSE 'pay ' END ||
           amount || ' ' || currency || CASE WHEN provisional = 'true' THEN ' (provisional)' ELSE '' END ||
           CASE WHEN status = 'overdue' THEN ' overdue' ELSE ' by this date' END ||
           CASE WHEN blocker IS NULL THEN '; ready to pay' ELSE '; blocked: ' || blocker END AS detail
    FROM rows
    WHERE status <> 'paid' AND pay_by <= date('{{TODAY}}', '+14 days')
)
SELECT kind, claim_id, reseller_id, due_on,
       CAST(julianday(due_on) - julianday('{{TODAY}}') AS INTEGER) AS days_left,
       CASE WHEN overdue THEN 'true' ELSE 'false' END AS overdue, detail
FROM (SELECT * FROM notice_rows UNION ALL SELECT * FROM payout_rows)
ORDER BY due_on, kind, claim_id;
