/*
 * A small Confluent Schema Registry client with the interface kcat's Avro support is built
 * against (the part of libserdes that kcat uses). EventPipe builds kcat with it because
 * libserdes is not packaged by Debian; written from kcat's usage and the registry's REST API.
 */
#ifndef EVENTPIPE_SERDES_H
#define EVENTPIPE_SERDES_H

#include <stddef.h>

typedef enum {
        SERDES_ERR_OK = 0,
        SERDES_ERR_CONF_UNKNOWN,
        SERDES_ERR_CONF_INVALID,
        SERDES_ERR_FRAMING_INVALID,
        SERDES_ERR_PAYLOAD_INVALID,
        SERDES_ERR_SCHEMA_LOAD,
        SERDES_ERR_SCHEMA_MISMATCH,
        SERDES_ERR_SCHEMA_REQUIRED,
        SERDES_ERR_SERIALIZER,
        SERDES_ERR_BUFFER_SIZE
} serdes_err_t;

typedef struct serdes_conf_s serdes_conf_t;
typedef struct serdes_s serdes_t;
typedef struct serdes_schema_s serdes_schema_t;

/* Variadic name, value pairs terminated by NULL; kcat passes none. */
serdes_conf_t *serdes_conf_new(char *errstr, int errstr_size, ...);
serdes_err_t serdes_conf_set(serdes_conf_t *conf, const char *name, const char *val,
                             char *errstr, int errstr_size);
void serdes_conf_destroy(serdes_conf_t *conf);

/* Takes ownership of conf. */
serdes_t *serdes_new(serdes_conf_t *conf, char *errstr, size_t errstr_size);
void serdes_destroy(serdes_t *serdes);

serdes_schema_t *serdes_schema_add(serdes_t *serdes, const char *name, int id,
                                   const void *definition, int definition_len,
                                   char *errstr, int errstr_size);
void serdes_schema_destroy(serdes_schema_t *schema);
int serdes_schema_id(serdes_schema_t *schema);
const char *serdes_schema_name(serdes_schema_t *schema);

#endif
