-- Entities per kind and page, with each page's title: run from the project folder after a
-- pagefeed run, e.g. `duckdb < examples/entities_by_kind.sql`.
select e.kind,
       p.title,
       count(*)                              as entities,
       count(*) filter (where e.mod is not null) as qualified,
       count(distinct e.normalized)          as distinct_values
from read_json_auto('output/entities.jsonl', format = 'newline_delimited') e
join read_json_auto('output/pages.jsonl', format = 'newline_delimited') p using (page_id)
group by e.kind, p.title
order by e.kind, entities desc;
