-- One counter that moves, in the same transaction, with every change to a service or a rule. The
-- gate keeps the catalog and the rules in memory and reads only this row per evaluation: when the
-- number moved (a change made on this node or on another), it reads them again, so a change holds
-- for the next evaluation on every node, as API.md requires, without reading them every time.
create table catalog_stamp (
    id    integer not null primary key,
    stamp bigint  not null
);
insert into catalog_stamp (id, stamp) values (1, 0);
