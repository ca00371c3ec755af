#ifndef EVENTPIPE_SERDES_AVRO_H
#define EVENTPIPE_SERDES_AVRO_H

#include <avro.h>
#include "serdes.h"

/*
 * Decodes a Confluent-framed payload (magic byte 0, 4-byte big-endian schema id, Avro binary)
 * into a new generic value, fetching the writer's schema from the registry by id (cached).
 * The caller owns *avro (avro_value_decref). *schemap, when given, is the cached schema.
 */
serdes_err_t serdes_deserialize_avro(serdes_t *serdes, avro_value_t *avro,
                                     serdes_schema_t **schemap,
                                     const void *payload, size_t size,
                                     char *errstr, int errstr_size);

#endif
