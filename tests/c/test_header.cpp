// The header must compile as C++ (cbindgen's cpp_compat guards) and link from C++: a
// std::map host storage, one write, one read, one error.
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "capacity_tracker.h"

namespace {

int passed = 0;
int failed = 0;

void check(bool ok, const char *what) {
    if (ok) {
        ++passed;
        std::printf("ok   %s\n", what);
    } else {
        ++failed;
        std::printf("FAIL %s\n", what);
    }
}

using Store = std::map<std::string, std::string>;

extern "C" uint32_t store_get(void *userdata, const char *key, size_t key_len,
                              ct_storage_reply *reply) {
    auto *store = static_cast<Store *>(userdata);
    auto found = store->find(std::string(key, key_len));
    if (found == store->end()) return CT_STORAGE_NOT_FOUND;
    ct_error_free(ct_storage_reply_set_value(reply, found->second.data(), found->second.size()));
    return CT_STORAGE_OK;
}

extern "C" uint32_t store_put(void *userdata, const char *key, size_t key_len, const char *value,
                              size_t value_len, ct_storage_reply *) {
    (*static_cast<Store *>(userdata))[std::string(key, key_len)] = std::string(value, value_len);
    return CT_STORAGE_OK;
}

extern "C" uint32_t store_remove(void *userdata, const char *key, size_t key_len,
                                 ct_storage_reply *) {
    static_cast<Store *>(userdata)->erase(std::string(key, key_len));
    return CT_STORAGE_OK;
}

}  // namespace

int main() {
    Store store;
    // One thread writes: no lock callbacks needed.
    ct_storage storage{&store, store_get, store_put, store_remove, nullptr, nullptr};
    ct_engine *engine = nullptr;
    check(ct_engine_new(&storage, &engine) == nullptr && engine != nullptr, "engine from C++");

    const std::string settings = R"({"revision":0,"members":[{"accountKey":"ann","role":"Dev","dailyCapacity":8}]})";
    ct_buffer *out = nullptr;
    ct_error *err = ct_engine_put_board_settings(engine, "7", 1, settings.data(), settings.size(), &out);
    check(err == nullptr && out != nullptr, "put board settings");
    std::string stored(ct_buffer_data(out), ct_buffer_len(out));
    ct_buffer_free(out);
    check(store.count("org.capacitytracker:board:7") == 1 && store["org.capacitytracker:board:7"] == stored,
          "stored through the C++ callbacks");

    err = ct_engine_put_board_settings(engine, "7", 1, settings.data(), settings.size(), &out);
    uint64_t revision = 0;
    check(ct_error_code(err) == CT_ERROR_CONFLICT && ct_error_current_revision(err, &revision) &&
              revision == 1,
          "stale write is a conflict at revision 1");
    ct_error_free(err);

    check(std::strlen(ct_version()) > 0, "version");
    ct_engine_free(engine);
    std::printf("cpp: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
