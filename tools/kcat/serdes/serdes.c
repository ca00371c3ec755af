/*
 * EventPipe's implementation of the libserdes subset kcat needs to decode Avro values through a
 * Confluent-API schema registry (GET /schemas/ids/{id}). See libserdes/serdes.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <jansson.h>
#include "libserdes/serdes-avro.h"

struct serdes_conf_s {
        char *url;
        char *userpwd;
};

struct serdes_schema_s {
        int id;
        char *name;
        avro_schema_t avro;
        avro_value_iface_t *iface;
        struct serdes_schema_s *next;
        int owned_by_cache;
};

struct serdes_s {
        serdes_conf_t *conf;
        serdes_schema_t *cache;
};

struct buffer {
        char *data;
        size_t len;
};

static void set_error(char *errstr, int errstr_size, const char *fmt, ...) {
        va_list ap;
        if (!errstr || errstr_size <= 0)
                return;
        va_start(ap, fmt);
        vsnprintf(errstr, (size_t)errstr_size, fmt, ap);
        va_end(ap);
}

serdes_conf_t *serdes_conf_new(char *errstr, int errstr_size, ...) {
        serdes_conf_t *conf = calloc(1, sizeof(*conf));
        va_list ap;
        const char *name;
        va_start(ap, errstr_size);
        while (conf && (name = va_arg(ap, const char *))) {
                const char *val = va_arg(ap, const char *);
                if (serdes_conf_set(conf, name, val, errstr, errstr_size)) {
                        serdes_conf_destroy(conf);
                        conf = NULL;
                }
        }
        va_end(ap);
        return conf;
}

serdes_err_t serdes_conf_set(serdes_conf_t *conf, const char *name, const char *val,
                             char *errstr, int errstr_size) {
        if (!strcmp(name, "schema.registry.url") || !strcmp(name, "url")) {
                const char *comma = strchr(val, ',');
                size_t len = comma ? (size_t)(comma - val) : strlen(val);
                free(conf->url);
                conf->url = strndup(val, len);
                while (len > 0 && conf->url[len - 1] == '/')
                        conf->url[--len] = '\0';
                return SERDES_ERR_OK;
        }
        if (!strcmp(name, "basic.auth.user.info")) {
                free(conf->userpwd);
                conf->userpwd = strdup(val);
                return SERDES_ERR_OK;
        }
        if (!strcmp(name, "deserializer.framing") || !strcmp(name, "serializer.framing")) {
                if (strcmp(val, "cp1")) {
                        set_error(errstr, errstr_size, "only cp1 framing is supported, not %s", val);
                        return SERDES_ERR_CONF_INVALID;
                }
                return SERDES_ERR_OK;
        }
        set_error(errstr, errstr_size, "unknown schema registry property %s", name);
        return SERDES_ERR_CONF_UNKNOWN;
}

void serdes_conf_destroy(serdes_conf_t *conf) {
        if (!conf)
                return;
        free(conf->url);
        free(conf->userpwd);
        free(conf);
}

serdes_t *serdes_new(serdes_conf_t *conf, char *errstr, size_t errstr_size) {
        serdes_t *serdes;
        if (!conf || !conf->url) {
                set_error(errstr, (int)errstr_size, "schema.registry.url is required");
                serdes_conf_destroy(conf);
                return NULL;
        }
        curl_global_init(CURL_GLOBAL_DEFAULT);
        serdes = calloc(1, sizeof(*serdes));
        serdes->conf = conf;
        return serdes;
}

static void schema_free(serdes_schema_t *schema) {
        if (schema->iface)
                avro_value_iface_decref(schema->iface);
        if (schema->avro)
                avro_schema_decref(schema->avro);
        free(schema->name);
        free(schema);
}

void serdes_destroy(serdes_t *serdes) {
        serdes_schema_t *schema, *next;
        if (!serdes)
                return;
        for (schema = serdes->cache; schema; schema = next) {
                next = schema->next;
                schema_free(schema);
        }
        serdes_conf_destroy(serdes->conf);
        free(serdes);
        curl_global_cleanup();
}

static serdes_schema_t *schema_parse(const char *name, int id, const char *definition, size_t len,
                                     char *errstr, int errstr_size) {
        serdes_schema_t *schema = calloc(1, sizeof(*schema));
        schema->id = id;
        if (avro_schema_from_json_length(definition, len, &schema->avro)) {
                set_error(errstr, errstr_size, "schema %d does not parse: %s", id, avro_strerror());
                schema_free(schema);
                return NULL;
        }
        schema->iface = avro_generic_class_from_schema(schema->avro);
        if (!schema->iface) {
                set_error(errstr, errstr_size, "schema %d has no generic class: %s", id, avro_strerror());
                schema_free(schema);
                return NULL;
        }
        schema->name = strdup(name ? name : avro_schema_type_name(schema->avro));
        return schema;
}

serdes_schema_t *serdes_schema_add(serdes_t *serdes, const char *name, int id,
                                   const void *definition, int definition_len,
                                   char *errstr, int errstr_size) {
        (void)serdes;
        return schema_parse(name, id, definition, (size_t)definition_len, errstr, errstr_size);
}

void serdes_schema_destroy(serdes_schema_t *schema) {
        if (schema && !schema->owned_by_cache)
                schema_free(schema);
}

int serdes_schema_id(serdes_schema_t *schema) {
        return schema->id;
}

const char *serdes_schema_name(serdes_schema_t *schema) {
        return schema->name;
}

static size_t collect(char *data, size_t size, size_t nmemb, void *opaque) {
        struct buffer *buf = opaque;
        size_t n = size * nmemb;
        char *grown = realloc(buf->data, buf->len + n + 1);
        if (!grown)
                return 0;
        buf->data = grown;
        memcpy(buf->data + buf->len, data, n);
        buf->len += n;
        buf->data[buf->len] = '\0';
        return n;
}

static serdes_schema_t *schema_fetch(serdes_t *serdes, int id, char *errstr, int errstr_size) {
        char url[2048];
        struct buffer body = {0};
        struct curl_slist *headers = NULL;
        long status = 0;
        CURLcode res;
        json_t *root, *text;
        json_error_t jerr;
        serdes_schema_t *schema = NULL;
        CURL *curl = curl_easy_init();

        snprintf(url, sizeof(url), "%s/schemas/ids/%d", serdes->conf->url, id);
        headers = curl_slist_append(headers, "Accept: application/vnd.schemaregistry.v1+json, application/json");
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
        if (serdes->conf->userpwd) {
                curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
                curl_easy_setopt(curl, CURLOPT_USERPWD, serdes->conf->userpwd);
        }
        res = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);

        if (res != CURLE_OK) {
                set_error(errstr, errstr_size, "schema registry %s: %s", url, curl_easy_strerror(res));
        } else if (status != 200) {
                set_error(errstr, errstr_size, "schema registry %s answered %ld", url, status);
        } else if (!(root = json_loadb(body.data, body.len, 0, &jerr))) {
                set_error(errstr, errstr_size, "schema registry answer is not JSON: %s", jerr.text);
        } else {
                text = json_object_get(root, "schema");
                if (!json_is_string(text))
                        set_error(errstr, errstr_size, "schema registry answer has no schema");
                else
                        schema = schema_parse(NULL, id, json_string_value(text), json_string_length(text),
                                              errstr, errstr_size);
                json_decref(root);
        }
        free(body.data);
        return schema;
}

static serdes_schema_t *schema_get(serdes_t *serdes, int id, char *errstr, int errstr_size) {
        serdes_schema_t *schema;
        for (schema = serdes->cache; schema; schema = schema->next)
                if (schema->id == id)
                        return schema;
        schema = schema_fetch(serdes, id, errstr, errstr_size);
        if (schema) {
                schema->owned_by_cache = 1;
                schema->next = serdes->cache;
                serdes->cache = schema;
        }
        return schema;
}

serdes_err_t serdes_deserialize_avro(serdes_t *serdes, avro_value_t *avro,
                                     serdes_schema_t **schemap,
                                     const void *payload, size_t size,
                                     char *errstr, int errstr_size) {
        const unsigned char *bytes = payload;
        serdes_schema_t *schema;
        avro_reader_t reader;
        int id;

        if (size < 5) {
                set_error(errstr, errstr_size, "payload of %zu bytes is shorter than the CP1 header", size);
                return SERDES_ERR_FRAMING_INVALID;
        }
        if (bytes[0] != 0) {
                set_error(errstr, errstr_size, "Invalid CP1 magic byte %d, expected 0", bytes[0]);
                return SERDES_ERR_FRAMING_INVALID;
        }
        id = (int)(((unsigned)bytes[1] << 24) | ((unsigned)bytes[2] << 16) | ((unsigned)bytes[3] << 8) | bytes[4]);
        if (!(schema = schema_get(serdes, id, errstr, errstr_size)))
                return SERDES_ERR_SCHEMA_LOAD;

        if (avro_generic_value_new(schema->iface, avro)) {
                set_error(errstr, errstr_size, "cannot allocate a value of schema %d: %s", id, avro_strerror());
                return SERDES_ERR_PAYLOAD_INVALID;
        }
        reader = avro_reader_memory((const char *)bytes + 5, (int64_t)(size - 5));
        if (avro_value_read(reader, avro)) {
                set_error(errstr, errstr_size, "Avro payload does not match schema %d: %s", id, avro_strerror());
                avro_reader_free(reader);
                avro_value_decref(avro);
                return SERDES_ERR_PAYLOAD_INVALID;
        }
        avro_reader_free(reader);
        if (schemap)
                *schemap = schema;
        return SERDES_ERR_OK;
}
