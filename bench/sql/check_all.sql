-- `cashback check --offer 10at5-cloud-open --all` as one statement: per
-- reseller, the counted lines' quantity and net amount and the new customers
-- (the reseller's first-ever sale to the customer on/after sales_from, with a
-- counted line). The offer's criteria are written in; returns are judged on
-- min(today, calculation_date) = 2016-01-31.
WITH first_sale AS (
    SELECT reseller_id, customer_id, min(sale_date) AS first_on
    FROM agreement_lines
    GROUP BY reseller_id, customer_id
),
counted AS (
    SELECT reseller_id, customer_id, quantity, net_minor
    FROM agreement_lines
    WHERE sale_date BETWEEN '2015-07-01' AND '2015-12-31'
      AND product IN ('Office 365 E3', 'Office 365 Business Premium')
      AND license_type = 'cloud-open'
      AND segment = 'commercial'
      AND country = 'NO'
      AND currency = 'NOK'
      AND (returned_on IS NULL OR returned_on > '2016-01-31')
)
SELECT c.reseller_id,
       sum(c.quantity) AS quantity,
       printf('%d.%02d', sum(c.net_minor) / 100, sum(c.net_minor) % 100) AS net_amount,
       count(DISTINCT CASE WHEN f.first_on >= '2015-07-01' THEN c.customer_id END) AS new_customers
FROM counted AS c
JOIN first_sale AS f USING (reseller_id, customer_id)
GROUP BY c.reseller_id
ORDER BY c.reseller_id;
