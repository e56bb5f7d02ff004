//! The caller's `org.capacitytracker.api.HostStorage`, seen by the engine as a
//! [`capacity_core::Storage`].
//!
//! Calls go back into Java on the thread of the native call, with its `JNIEnv`. A Java
//! exception thrown by the host is caught and cleared here (JNI must not be called with an
//! exception pending) and becomes a [`StorageError`] carrying its class and message, so the
//! engine stops and reports a storage error; the first such exception is kept to become the
//! cause of the `CapacityStorageException` the caller finally sees.

use capacity_core::{Storage, StorageError};
use jni::ids::JMethodID;
use jni::objects::{JObject, JObjectArray, JString, JThrowable};
use jni::refs::Global;
use jni::signature::{JavaType, Primitive};
use jni::sys::jvalue;
use jni::{jni_sig, jni_str, Env};

/// Local references one storage call may create (key, value, class, result) with room to
/// spare; each call runs in its own local frame, so a document stored in many chunks never
/// piles references up in the native method's frame.
const LOCAL_FRAME_CAPACITY: usize = 16;

pub(crate) struct JavaStorage<'call, 'local> {
    env: &'call mut Env<'local>,
    host: &'call JObject<'local>,
    first_exception: Option<Global<JThrowable<'static>>>,
    /// The host's methods, looked up on its class at first use in this native call, not at
    /// every upcall (W1's report reads 52 documents; the member query, 3: looking `get` up
    /// by name each time cost about 0.2 µs of every upcall). Valid while the host object
    /// lives, which outlasts the call.
    methods: [Option<JMethodID>; HOST_METHOD_NAMES.len()],
}

/// `HostStorage`'s methods, in the order of [`JavaStorage::methods`].
const GET: usize = 0;
const PUT: usize = 1;
const REMOVE: usize = 2;
const LOCK: usize = 3;
const UNLOCK: usize = 4;
const GET_ALL: usize = 5;
const HOST_METHOD_NAMES: [&str; 6] = ["get", "put", "remove", "lock", "unlock", "getAll"];

/// Looks up `HostStorage` method `which` on `class`.
fn method_id(env: &mut Env<'_>, class: &jni::objects::JClass<'_>, which: usize) -> jni::errors::Result<JMethodID> {
    match which {
        GET => env.get_method_id(class, jni_str!("get"), jni_sig!("(Ljava/lang/String;)Ljava/lang/String;")),
        PUT => env.get_method_id(class, jni_str!("put"), jni_sig!("(Ljava/lang/String;Ljava/lang/String;)V")),
        REMOVE => env.get_method_id(class, jni_str!("remove"), jni_sig!("(Ljava/lang/String;)V")),
        LOCK => env.get_method_id(class, jni_str!("lock"), jni_sig!("(Ljava/lang/String;)V")),
        GET_ALL => env.get_method_id(class, jni_str!("getAll"), jni_sig!("([Ljava/lang/String;)[Ljava/lang/String;")),
        _ => env.get_method_id(class, jni_str!("unlock"), jni_sig!("(Ljava/lang/String;)V")),
    }
}

impl<'call, 'local> JavaStorage<'call, 'local> {
    pub(crate) fn new(env: &'call mut Env<'local>, host: &'call JObject<'local>) -> Self {
        JavaStorage {
            env,
            host,
            first_exception: None,
            methods: [None; HOST_METHOD_NAMES.len()],
        }
    }

    /// Calls the host's method `which` (an index into [`HOST_METHOD_NAMES`]) with `args`, in
    /// the call's local frame: an object (or null) for `get`, null for the others.
    fn invoke(&mut self, which: usize, args: impl FnOnce(&mut Env<'_>) -> jni::errors::Result<Vec<jvalue>>) -> Result<Option<String>, StorageError> {
        let cached = self.methods[which];
        let mut resolved = None;
        let value = self.call(HOST_METHOD_NAMES[which], |env, host| {
            let id = match cached {
                Some(id) => id,
                None => {
                    let class = env.get_object_class(host)?;
                    let id = method_id(env, &class, which)?;
                    resolved = Some(id);
                    id
                }
            };
            let args = args(env)?;
            let returns = if which == GET { JavaType::Object } else { JavaType::Primitive(Primitive::Void) };
            // SAFETY: `id` is the host's own method of that name and signature, looked up on
            // its class (above, or earlier in this call), and `args` match that signature.
            let result = unsafe { env.call_method_unchecked(host, id, returns, &args) }?;
            if which != GET {
                return Ok(None);
            }
            let value = result.l()?;
            if value.is_null() {
                return Ok(None);
            }
            let value = env.cast_local::<JString>(value)?;
            Ok(Some(value.try_to_string(env)?))
        });
        if resolved.is_some() {
            self.methods[which] = resolved;
        }
        value
    }

    /// The host's `getAll(keys)`: one upcall for all of `keys`. Each key and value is a local
    /// reference deleted once copied, so the call's frame holds a few references however
    /// many keys there are.
    fn get_all(&mut self, keys: &[&str]) -> Result<Vec<Option<String>>, StorageError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let cached = self.methods[GET_ALL];
        let mut resolved = None;
        let values = self.call(HOST_METHOD_NAMES[GET_ALL], |env, host| {
            let id = match cached {
                Some(id) => id,
                None => {
                    let class = env.get_object_class(host)?;
                    let id = method_id(env, &class, GET_ALL)?;
                    resolved = Some(id);
                    id
                }
            };
            let array = JObjectArray::<JString>::new(env, keys.len(), JString::null())?;
            for (i, key) in keys.iter().enumerate() {
                let key = JString::from_str(env, key)?;
                array.set_element(env, i, &key)?;
                env.delete_local_ref(key);
            }
            let args = [jvalue { l: array.as_raw() }];
            // SAFETY: `id` is the host's `getAll(String[])String[]`, looked up on its class
            // (above, or earlier in this call), and `args` is one `String[]`.
            let result = unsafe { env.call_method_unchecked(host, id, JavaType::Object, &args) }?.l()?;
            if result.is_null() {
                return Ok(Err(StorageError::new("HostStorage.getAll returned null")));
            }
            let result = env.cast_local::<JObjectArray<JString>>(result)?;
            let len = result.len(env)?;
            if len != keys.len() {
                return Ok(Err(StorageError::new(format!("HostStorage.getAll returned {len} values for {} keys", keys.len()))));
            }
            let mut values = Vec::with_capacity(len);
            for i in 0..len {
                let value = result.get_element(env, i)?;
                values.push(if value.is_null() { None } else { Some(value.try_to_string(env)?) });
                env.delete_local_ref(value);
            }
            Ok(Ok(values))
        });
        if resolved.is_some() {
            self.methods[GET_ALL] = resolved;
        }
        values?
    }

    /// The first exception the host threw during this call, if any.
    pub(crate) fn take_exception(&mut self) -> Option<Global<JThrowable<'static>>> {
        self.first_exception.take()
    }

    /// Runs one host call in its own local frame and turns any failure into a
    /// [`StorageError`], leaving no exception pending.
    fn call<T>(
        &mut self,
        method: &str,
        f: impl FnOnce(&mut Env<'_>, &JObject<'_>) -> jni::errors::Result<T>,
    ) -> Result<T, StorageError> {
        let host = self.host;
        self.call_on(host, "HostStorage", method, f)
    }

    /// Like [`Self::call`], on another object of the caller's (the `AccessSubject` of an
    /// authorisation): its exceptions are caught, kept and reported the same way.
    pub(crate) fn call_on<T>(
        &mut self,
        target: &JObject<'_>,
        interface: &str,
        method: &str,
        f: impl FnOnce(&mut Env<'_>, &JObject<'_>) -> jni::errors::Result<T>,
    ) -> Result<T, StorageError> {
        let first_exception = &mut self.first_exception;
        let framed = self.env.with_local_frame(
            LOCAL_FRAME_CAPACITY,
            |env| -> jni::errors::Result<Result<T, StorageError>> {
                Ok(f(env, target).map_err(|e| failure(env, interface, method, e, first_exception)))
            },
        );
        match framed {
            Ok(result) => result,
            // Only pushing the frame itself can fail here (an OutOfMemoryError is pending).
            Err(e) => Err(failure(self.env, interface, method, e, first_exception)),
        }
    }
}

/// Describes a failed host call, catching and clearing the exception behind it.
fn failure(
    env: &mut Env<'_>,
    interface: &str,
    method: &str,
    error: jni::errors::Error,
    first_exception: &mut Option<Global<JThrowable<'static>>>,
) -> StorageError {
    let Some(thrown) = env.exception_occurred() else {
        return StorageError::new(format!("{interface}.{method} could not be called: {error}"));
    };
    env.exception_clear();
    let description = describe(env, &thrown);
    if first_exception.is_none() {
        *first_exception = env.new_global_ref(&thrown).ok();
    }
    // The key is left out on purpose: keys carry account keys, and this message may be logged.
    StorageError::new(format!("{interface}.{method} threw {description}"))
}

/// `<class name>: <message>` of a throwable, as far as Java lets us read them.
fn describe(env: &mut Env<'_>, thrown: &JThrowable<'_>) -> String {
    let result = env.with_local_frame(8, |env| -> jni::errors::Result<String> {
        let class = env.get_object_class(thrown)?;
        let name = env
            .call_method(
                &class,
                jni_str!("getName"),
                jni_sig!("()Ljava/lang/String;"),
                &[],
            )?
            .l()?;
        let name = env.cast_local::<JString>(name)?.try_to_string(env)?;
        let message = env
            .call_method(
                thrown,
                jni_str!("getMessage"),
                jni_sig!("()Ljava/lang/String;"),
                &[],
            )?
            .l()?;
        if message.is_null() {
            return Ok(name);
        }
        let message = env.cast_local::<JString>(message)?.try_to_string(env)?;
        Ok(format!("{name}: {message}"))
    });
    result.unwrap_or_else(|_| {
        // A getMessage() that itself throws: report what we know, leave nothing pending.
        env.exception_clear();
        "an exception that could not be described".to_string()
    })
}

impl Storage for JavaStorage<'_, '_> {
    fn get(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        self.invoke(GET, |env| Ok(vec![jvalue { l: JString::from_str(env, key)?.into_raw() }]))
    }

    // One upcall for several keys (W1 reads its team's days off so; the member query, its
    // three checks): HostStorage.getAll, whose default calls get for each key in Java.
    fn get_many(&mut self, keys: &[&str]) -> Result<Vec<Option<String>>, StorageError> {
        self.get_all(keys)
    }

    fn put(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.invoke(PUT, |env| {
            let key = JString::from_str(env, key)?.into_raw();
            Ok(vec![jvalue { l: key }, jvalue { l: JString::from_str(env, value)?.into_raw() }])
        })?;
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.invoke(REMOVE, |env| Ok(vec![jvalue { l: JString::from_str(env, key)?.into_raw() }]))?;
        Ok(())
    }

    // The engine calls these around every read-modify-write. HostStorage declares both as
    // default no-ops, so a host that needs no locking implements neither; a host whose
    // lock throws (a cluster lock timing out) stops the write before anything is stored.
    fn lock(&mut self, name: &str) -> Result<(), StorageError> {
        self.invoke(LOCK, |env| Ok(vec![jvalue { l: JString::from_str(env, name)?.into_raw() }]))?;
        Ok(())
    }

    fn unlock(&mut self, name: &str) -> Result<(), StorageError> {
        self.invoke(UNLOCK, |env| Ok(vec![jvalue { l: JString::from_str(env, name)?.into_raw() }]))?;
        Ok(())
    }
}
