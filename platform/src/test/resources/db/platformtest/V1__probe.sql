create table probe (id int primary key, label text not null);
insert into probe values (1, 'migrated by flyway');
