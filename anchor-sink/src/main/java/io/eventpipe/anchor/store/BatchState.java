package io.eventpipe.anchor.store;

/** built → submitted → included → final; a reorg sends an included batch back to submitted. */
public enum BatchState { BUILT, SUBMITTED, INCLUDED, FINAL }
