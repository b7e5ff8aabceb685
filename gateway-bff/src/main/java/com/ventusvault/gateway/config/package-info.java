/** Configuration: typed {@code gateway.*} properties and the beans that wire the stages together. */
package com.ventusvault.gateway.config;
