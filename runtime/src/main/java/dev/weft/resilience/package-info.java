/** Rate limiting (Go's x/time/rate) and circuit breaking (sony/gobreaker). */
package dev.weft.resilience;
