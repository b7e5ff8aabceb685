/** PostgreSQL for subgraphs: embedded by default, external through DATABASE_URL, one schema per subgraph. */
package com.ventusvault.platform.database;
