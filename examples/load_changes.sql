-- Keeps DuckDB tables of pagefeed's pages, cards and entities up to date from its change feed.
-- Run it after every pagefeed run, from the project folder:
--   duckdb warehouse.duckdb < examples/load_changes.sql
-- The first time, it loads every record. After that it replaces only the pages listed in
-- output/changes.jsonl, with their cards and entities, in one transaction. It refuses a run whose
-- previous run it has not loaded (a run was missed): then drop the four tables and run it again.
-- A page keeps its page_id across edits of its text (the id comes from its URL, or its file's path
-- below the input folder), so an edited page is one 'updated' change; a renamed file is 'removed'
-- plus 'added'. Copies of a page are separate rows, each marked with duplicate_of.
-- Columns are kept as text, so that a column's type never depends on one night's data; cast them
-- in views or queries (the CSV headers and their types are in README and schema/).

create table if not exists pagefeed_runs (run_id varchar, previous_run_id varchar, loaded_at timestamp);
create table if not exists pages as select * from read_csv('output/pages.csv', header = true, all_varchar = true) limit 0;
create table if not exists cards as select * from read_csv('output/cards.csv', header = true, all_varchar = true) limit 0;
create table if not exists entities as select * from read_csv('output/entities.csv', header = true, all_varchar = true) limit 0;

begin transaction;

create temp table this_run as
select run_id,
       previous_run_id,
       (select count(*) from pagefeed_runs) = 0 as first_load,
       (select run_id from pagefeed_runs order by loaded_at desc limit 1) as last_loaded
from read_json('output/manifest.json', columns = {run_id: 'varchar', previous_run_id: 'varchar'});

select case
         when not first_load and last_loaded is distinct from previous_run_id
           then error('pagefeed run ' || run_id || ' follows run ' || coalesce(previous_run_id, 'none')
                      || ', but the last run loaded is ' || last_loaded || ': reload from scratch')
       end as checked
from this_run;

create temp table changed as
select page_id, change
from read_json('output/changes.jsonl', format = 'newline_delimited',
               columns = {page_id: 'varchar', change: 'varchar', content_hash: 'varchar', run_id: 'varchar'});

delete from entities where page_id in (select page_id from changed);
delete from cards where page_id in (select page_id from changed);
delete from pages where page_id in (select page_id from changed);

insert into pages by name
select * from read_csv('output/pages.csv', header = true, all_varchar = true)
where (select first_load from this_run) or page_id in (select page_id from changed where change <> 'removed');
insert into cards by name
select * from read_csv('output/cards.csv', header = true, all_varchar = true)
where (select first_load from this_run) or page_id in (select page_id from changed where change <> 'removed');
insert into entities by name
select * from read_csv('output/entities.csv', header = true, all_varchar = true)
where (select first_load from this_run) or page_id in (select page_id from changed where change <> 'removed');

-- Every id is a key: a run whose records share an id (or a load that merged two) stops here.
select case
         when (select count(*) from pages) <> (select count(distinct page_id) from pages)
           or (select count(*) from cards) <> (select count(distinct card_id) from cards)
           or (select count(*) from entities) <> (select count(distinct entity_id) from entities)
           then error('pagefeed run ' || (select run_id from this_run) || ' gives two records one id: reload from scratch')
       end as keys_checked;

insert into pagefeed_runs select run_id, previous_run_id, now() from this_run;
drop table this_run;
drop table changed;

commit;
