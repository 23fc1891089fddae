-- The payout schedule's rows (SPEC section 7) for every approved, payable,
-- payment_failed or paid claim on {{TODAY}}: the fixed amount, or before
-- `calculate` the provisional one from the reseller's counted lines; the
-- payout dates; the payment that stands; the status and first blocker.
offer AS (
    SELECT code, currency, sales_from, sales_to,
           calculation_date AS calc,
           date(calculation_date, '+' || payout_within_days || ' days') AS pay_by,
           min('{{TODAY}}', calculation_date) AS evaluated_on,
           definition ->> '$.returns.return_days' AS return_days,
           definition ->> '$.incentive.kind' AS kind,
           CAST(round((definition ->> '$.incentive.rate') * 100) AS INTEGER) AS rate_centi,
           CAST(round((definition ->> '$.incentive.amount') * 100) AS INTEGER) AS amount_minor,
           CAST(round((definition ->> '$.incentive.cap') * 100) AS INTEGER) AS cap_minor,
           definition -> '$.criteria.products' AS products,
           definition -> '$.criteria.license_types' AS license_types,
           definition -> '$.criteria.segments' AS segments,
           definition -> '$.regions' AS regions
    FROM offers
),
scheduled AS (
    SELECT * FROM claims
    WHERE status IN ('approved', 'payable', 'payment_failed', 'paid')
),
-- the counted lines of the claims that have no fixed amount yet
open_lines AS (
    SELECT c.id AS claim_id, c.reseller_id, o.sales_from, l.customer_id,
           l.quantity, l.net_minor, l.sale_date
    FROM scheduled AS c
    JOIN offer AS o ON o.code = c.offer_code
    JOIN agreement_lines AS l ON l.reseller_id = c.reseller_id
    WHERE c.amount_minor IS NULL
      AND l.sale_date BETWEEN o.sales_from AND o.sales_to
      AND (o.products = '[]' OR l.product IN (SELECT value FROM json_each(o.products)))
      AND (o.license_types = '[]' OR l.license_type IN (SELECT value FROM json_each(o.license_types)))
      AND (o.segments = '[]' OR l.segment IN (SELECT value FROM json_each(o.segments)))
      AND (o.regions = '[]' OR l.country IN (SELECT value FROM json_each(o.regions)))
      AND l.currency = o.currency
      AND (l.returned_on IS NULL OR l.returned_on > o.evaluated_on)
),
provisional AS (
    SELECT claim_id, count(*) AS lines, sum(quantity) AS quantity, sum(net_minor) AS net_minor,
           max(sale_date) AS last_sale,
           count(DISTINCT customer_id) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM agreement_lines AS e
               WHERE e.reseller_id = open_lines.reseller_id
                 AND e.customer_id = open_lines.customer_id
                 AND e.sale_date < open_lines.sales_from)) AS new_customers
    FROM open_lines
    GROUP BY claim_id
),
-- what the lines counted in a fixed amount say now
fixed AS (
    SELECT cl.claim_id, max(l.sale_date) AS last_sale,
           max(l.returned_on IS NOT NULL) AS returned
    FROM claim_lines AS cl
    JOIN agreement_lines AS l ON l.agreement_number = cl.agreement_number AND l.line = cl.line
    GROUP BY cl.claim_id
),
standing AS (
    SELECT claim_id, max(id) AS payment_id FROM payments
    WHERE returned_on IS NULL GROUP BY claim_id
),
facts AS (
    SELECT c.id AS claim_id, c.offer_code AS offer, c.reseller_id, c.status,
           o.currency, o.calc, o.pay_by, o.return_days,
           c.amount_minor IS NULL AS provisional,
           coalesce(c.amount_minor, (
               SELECT min(v, coalesce(o.cap_minor, v)) FROM (SELECT CASE o.kind
                   WHEN 'percent' THEN (coalesce(p.net_minor, 0) * o.rate_centi + 5000) / 10000
                   WHEN 'per_unit' THEN o.amount_minor * coalesce(p.quantity, 0)
                   WHEN 'flat' THEN CASE WHEN p.lines > 0 THEN o.amount_minor ELSE 0 END
                   WHEN 'per_new_customer' THEN o.amount_minor * coalesce(p.new_customers, 0)
               END AS v))) AS amount_minor,
           CASE WHEN c.amount_minor IS NULL THEN p.last_sale ELSE f.last_sale END AS last_sale,
           coalesce(c.amount_minor IS NOT NULL AND f.returned, 0) AS returns_changed,
           bd.currency AS payout_currency, pay.paid_on, pay.reference
    FROM scheduled AS c
    JOIN offer AS o ON o.code = c.offer_code
    LEFT JOIN provisional AS p ON p.claim_id = c.id
    LEFT JOIN fixed AS f ON f.claim_id = c.id
    LEFT JOIN bank_details AS bd ON bd.id = c.bank_details_id
    LEFT JOIN standing AS s ON s.claim_id = c.id
    LEFT JOIN payments AS pay ON pay.id = s.payment_id
),
dated AS (
    SELECT *,
           CASE WHEN last_sale IS NULL THEN calc
                ELSE max(calc, date(last_sale, '+' || (return_days + 1) || ' days')) END AS earliest_on
    FROM facts
),
blocked AS (
    SELECT *,
           CASE WHEN status = 'paid' THEN NULL
                WHEN status = 'payment_failed' THEN 'payment_failed'
                WHEN status <> 'payable' THEN 'bank_details'
                WHEN provisional THEN 'not_calculated'
                WHEN returns_changed THEN 'returns_changed'
                WHEN '{{TODAY}}' < earliest_on THEN 'returns_open'
           END AS blocker
    FROM dated
),
rows AS (
    SELECT claim_id, offer, reseller_id,
           printf('%d.%02d', amount_minor / 100, amount_minor % 100) AS amount,
           CASE WHEN provisional THEN 'true' ELSE 'false' END AS provisional,
           currency, payout_currency, earliest_on, pay_by,
           CASE WHEN status = 'paid' THEN 'paid'
                WHEN '{{TODAY}}' > pay_by THEN 'overdue'
                WHEN blocker IS NOT NULL THEN 'blocked'
                ELSE 'ready' END AS status,
           blocker, paid_on, reference
    FROM blocked
)
