/** Start-up tasks: the staff account an operator configures, so a fresh deployment has someone who may run staff operations. */
package com.ventusvault.accounts.bootstrap;
