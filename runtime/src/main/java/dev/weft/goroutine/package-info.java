/** Goroutines on virtual threads, structured scopes with errgroup semantics, and the registry of live goroutines. */
package dev.weft.goroutine;
