/** Stage 5: print the merged model in the layout and order of {@code rover supergraph compose}. */
package com.ventusvault.schema.composition.print;
