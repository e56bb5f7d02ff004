//! The machinery behind [`crate::operations`]: one declaration per native method becomes
//!
//! - the JNI export (`Java_org_capacitytracker_api_Native_<name>`), its arguments converted,
//!   its body run through [`crate::bridge::run`] (panics and errors become the API's
//!   exceptions), its result converted back;
//! - an entry of `SIGNATURES`: the Java parameter and return types with their JNI
//!   descriptors. `Native.java` is rendered from it ([`render_native_java`]; a test fails when
//!   the committed file differs by a byte), and the library reports it through
//!   `Native.nativeSignatures()` so a Java test can compare it with `Native.class` by
//!   reflection: a Java declaration whose types differ from the Rust export fails the build.
//!
//! A declaration reads
//! ```text
//! /// Doc comment, copied to Native.java (`code` becomes {@code code}).
//! <flavour> fn <javaName>(<param>: <kind>, ...) -> <kind> { <body> }
//! ```
//! Flavours add the leading parameters every call of that kind takes and hand the body what
//! it needs:
//!
//! | flavour   | implicit Java parameters                                     | body           |
//! |-----------|--------------------------------------------------------------|----------------|
//! | `plain`   | none                                                         | an expression  |
//! | `engine`  | `long engine`                                                | `\|e\| expr`   |
//! | `storage` | `long engine, HostStorage storage`                           | `\|e, s\| expr`|
//! | `access`  | `long engine, HostStorage storage, AccessSubject subject`    | `\|e, h\| expr`|
//!
//! where `e: &Engine`, `s: &mut dyn Storage`, `h: &mut dyn AccessHost`, and the body's value
//! is a `capacity_core::Result` of the return kind's Rust type.
//!
//! Kinds (Java type → Rust value): `String` → `String` (null refused), `NullableString` →
//! `Option<String>`, `Utf8` (a `byte[]` of UTF-8 text, null refused; both ways) → `String`, `int` → `i32`, `long` → `i64`, `DirectBuffer` (a direct
//! `java.nio.ByteBuffer`, null for none) → `support::Direct` (its memory, read in place);
//! returns also `void` → `()`, `NullableString` ← `Option<String>` (None is Java's null)
//! and `longArray`, `byteArray`, `doubleArray` (`long[]`, `byte[]`, `double[]`) ←
//! `Vec<i64>`, `Vec<i8>`, `Vec<f64>`, and `longArrayParts` (`long[]`) ← slices of `i64`
//! joined in order (an array or `Vec` of `&[i64]`).

/// One parameter (or the return value) of a native method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Param {
    pub name: &'static str,
    /// As written in Java source.
    pub java: &'static str,
    /// As written in a JNI method descriptor.
    pub descriptor: &'static str,
}

/// One native method as declared: what Java must declare for the export to match.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signature {
    pub name: &'static str,
    /// Read only by the generator, which runs as a test.
    #[cfg_attr(not(test), allow(dead_code))]
    pub doc: &'static [&'static str],
    /// The flavour's leading parameters, then the declared ones.
    pub implicit: &'static [Param],
    pub params: &'static [Param],
    pub returns: Param,
}

impl Signature {
    /// The JNI method descriptor, such as `(JLorg/capacitytracker/api/HostStorage;Ljava/lang/String;)Ljava/lang/String;`.
    pub(crate) fn descriptor(&self) -> String {
        let params: String = self.implicit.iter().chain(self.params).map(|p| p.descriptor).collect();
        format!("({params}){}", self.returns.descriptor)
    }
}

pub(crate) const ENGINE: Param = Param { name: "engine", java: "long", descriptor: "J" };
pub(crate) const STORAGE: Param = Param { name: "storage", java: "HostStorage", descriptor: "Lorg/capacitytracker/api/HostStorage;" };
pub(crate) const SUBJECT: Param = Param { name: "subject", java: "AccessSubject", descriptor: "Lorg/capacitytracker/api/AccessSubject;" };

/// `name descriptor` per line, for `Native.nativeSignatures()`.
pub(crate) fn descriptors(signatures: &[Signature]) -> String {
    signatures.iter().map(|s| format!("{} {}\n", s.name, s.descriptor())).collect()
}

/// `Native.java`, as generated from the declarations.
#[cfg(test)]
pub(crate) fn render_native_java(signatures: &[Signature]) -> String {
    let mut out = String::from(
        "// GENERATED from java-bridge/native/src/operations.rs — do not edit. To change a native\n\
         // method, change its declaration there and run `CT_BLESS=1 cargo test -p capacity-jni`\n\
         // (docs/contributing.md). A test fails while this file differs from the declarations.\n\
         package org.capacitytracker.api;\n\
         \n\
         /**\n\
         \x20* Every native method of the library, in one place, all static.\n\
         \x20*\n\
         \x20* <p>Only {@link CapacityEngine} and {@link IdRules} call these, always with a live handle\n\
         \x20* and non-null arguments (except where a parameter may be null), after\n\
         \x20* {@link NativeLoader#ensureLoaded()}. Errors arrive as {@link CapacityException}\n\
         \x20* subclasses thrown by the native code.\n\
         \x20*/\n\
         final class Native {\n\
         \x20   private Native() {\n\
         \x20   }\n",
    );
    for s in signatures {
        out.push('\n');
        let doc: Vec<String> = s.doc.iter().map(|l| javadoc(l.strip_prefix(' ').unwrap_or(l))).collect();
        match doc.as_slice() {
            [] => {}
            [one] => out.push_str(&format!("    /** {one} */\n")),
            lines => {
                out.push_str("    /**\n");
                for l in lines {
                    out.push_str(if l.is_empty() { "     *\n" } else { "     * " });
                    if !l.is_empty() {
                        out.push_str(l);
                        out.push('\n');
                    }
                }
                out.push_str("     */\n");
            }
        }
        let params: Vec<String> = s.implicit.iter().chain(s.params).map(|p| format!("{} {}", p.java, p.name)).collect();
        out.push_str(&format!("    static native {} {}({});\n", s.returns.java, s.name, params.join(", ")));
    }
    out.push_str("}\n");
    out
}

/// Rust doc markup to Javadoc: `code` becomes {@code code}; `<`, `>` and `&` are escaped.
#[cfg(test)]
fn javadoc(line: &str) -> String {
    let escaped = line.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut out = String::new();
    for (i, part) in escaped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("{@code ");
            out.push_str(part);
            out.push('}');
        } else {
            out.push_str(part);
        }
    }
    out
}

macro_rules! java_type {
    (String) => { "String" };
    (NullableString) => { "String" };
    (Utf8) => { "byte[]" };
    (int) => { "int" };
    (long) => { "long" };
    (void) => { "void" };
    (DirectBuffer) => { "java.nio.ByteBuffer" };
    (longArray) => { "long[]" };
    (longArrayParts) => { "long[]" };
    (byteArray) => { "byte[]" };
    (doubleArray) => { "double[]" };
}

macro_rules! descriptor {
    (String) => { "Ljava/lang/String;" };
    (NullableString) => { "Ljava/lang/String;" };
    (Utf8) => { "[B" };
    (int) => { "I" };
    (long) => { "J" };
    (void) => { "V" };
    (DirectBuffer) => { "Ljava/nio/ByteBuffer;" };
    (longArray) => { "[J" };
    (longArrayParts) => { "[J" };
    (byteArray) => { "[B" };
    (doubleArray) => { "[D" };
}

/// The raw JNI type of a parameter or return kind.
macro_rules! raw {
    ($l:lifetime, String) => { jni::objects::JString<$l> };
    ($l:lifetime, NullableString) => { jni::objects::JString<$l> };
    ($l:lifetime, Utf8) => { jni::objects::JByteArray<$l> };
    ($l:lifetime, int) => { jni::sys::jint };
    ($l:lifetime, long) => { jni::sys::jlong };
    ($l:lifetime, void) => { () };
    ($l:lifetime, DirectBuffer) => { jni::objects::JByteBuffer<$l> };
    ($l:lifetime, longArray) => { jni::objects::JLongArray<$l> };
    ($l:lifetime, longArrayParts) => { jni::objects::JLongArray<$l> };
    ($l:lifetime, byteArray) => { jni::objects::JByteArray<$l> };
    ($l:lifetime, doubleArray) => { jni::objects::JDoubleArray<$l> };
}

/// A raw argument as the Rust value the body sees.
macro_rules! arg {
    ($env:ident, String, $raw:ident) => { $crate::support::string_arg($env, &$raw, stringify!($raw))? };
    ($env:ident, NullableString, $raw:ident) => { $crate::support::nullable_string_arg($env, &$raw)? };
    ($env:ident, Utf8, $raw:ident) => { $crate::support::utf8_arg($env, &$raw, stringify!($raw))? };
    ($env:ident, int, $raw:ident) => { $raw };
    ($env:ident, long, $raw:ident) => { $raw };
    ($env:ident, DirectBuffer, $raw:ident) => { $crate::support::direct_buffer($env, &$raw, stringify!($raw))? };
}

/// The body's `Result` as the raw value returned to Java.
macro_rules! ret {
    ($env:ident, String, $out:ident) => { Ok(jni::objects::JString::from_str($env, $out?)?) };
    ($env:ident, NullableString, $out:ident) => {
        match $out? {
            Some(s) => Ok(jni::objects::JString::from_str($env, s)?),
            None => Ok(jni::objects::JString::default()),
        }
    };
    ($env:ident, Utf8, $out:ident) => { Ok($env.byte_array_from_slice($out?.as_bytes())?) };
    ($env:ident, longArray, $out:ident) => {{
        let values = $out?;
        let array = $env.new_long_array(values.len())?;
        array.set_region($env, 0, &values)?;
        Ok(array)
    }};
    // A long[] from several slices in order, each copied straight into the Java array (no
    // joined copy first: W2's cells are 18 MB).
    ($env:ident, longArrayParts, $out:ident) => {{
        let parts = $out?;
        let array = $env.new_long_array(parts.iter().map(|p| p.len()).sum())?;
        let mut at: usize = 0;
        for part in parts {
            // The Java array's length fitted a jsize, so every offset into it does.
            array.set_region($env, at as jni::sys::jsize, part)?;
            at += part.len();
        }
        Ok(array)
    }};
    ($env:ident, byteArray, $out:ident) => {{
        let values = $out?;
        let array = $env.new_byte_array(values.len())?;
        array.set_region($env, 0, &values)?;
        Ok(array)
    }};
    ($env:ident, doubleArray, $out:ident) => {{
        let values = $out?;
        let array = $env.new_double_array(values.len())?;
        array.set_region($env, 0, &values)?;
        Ok(array)
    }};
    ($env:ident, $other:ident, $out:ident) => { $out };
}

/// Declares the native methods; see the module docs.
macro_rules! native_methods {
    ( $(
        $(#[doc = $doc:literal])*
        $flavour:ident fn $name:ident ( $($arg:ident : $kind:ident),* $(,)? ) -> $ret:ident { $($body:tt)* }
    )* ) => {
        $(
            $crate::declare::native_methods!(@export $flavour $name [$(#[doc = $doc])*] ($($arg : $kind),*) $ret { $($body)* });
        )*

        /// Every native method as declared above, in order.
        pub(crate) const SIGNATURES: &[$crate::declare::Signature] = &[
            $( $crate::declare::Signature {
                name: stringify!($name),
                doc: &[$($doc),*],
                implicit: $crate::declare::native_methods!(@implicit $flavour),
                params: &[$( $crate::declare::Param {
                    name: stringify!($arg),
                    java: $crate::declare::java_type!($kind),
                    descriptor: $crate::declare::descriptor!($kind),
                } ),*],
                returns: $crate::declare::Param {
                    name: "",
                    java: $crate::declare::java_type!($ret),
                    descriptor: $crate::declare::descriptor!($ret),
                },
            } ),*
        ];
    };

    (@implicit plain) => { &[] };
    (@implicit engine) => { &[$crate::declare::ENGINE] };
    (@implicit storage) => { &[$crate::declare::ENGINE, $crate::declare::STORAGE] };
    (@implicit access) => { &[$crate::declare::ENGINE, $crate::declare::STORAGE, $crate::declare::SUBJECT] };

    (@export plain $name:ident [$($attr:tt)*] ($($arg:ident : $kind:ident),*) $ret:ident { $body:expr }) => {
        $($attr)*
        #[export_name = concat!("Java_org_capacitytracker_api_Native_", stringify!($name))]
        #[allow(non_snake_case)]
        pub extern "system" fn $name<'local>(
            mut env: jni::EnvUnowned<'local>,
            _class: jni::objects::JClass<'local>,
            $($arg: $crate::declare::raw!('local, $kind)),*
        ) -> $crate::declare::raw!('local, $ret) {
            $crate::bridge::run(&mut env, |env| {
                let _ = &env;
                $( let $arg = $crate::declare::arg!(env, $kind, $arg); )*
                let out: capacity_core::Result<_> = $body;
                let out = out.map_err($crate::bridge::BridgeError::from);
                $crate::declare::ret!(env, $ret, out)
            })
        }
    };

    (@export engine $name:ident [$($attr:tt)*] ($($arg:ident : $kind:ident),*) $ret:ident { |$e:ident| $body:expr }) => {
        $($attr)*
        #[export_name = concat!("Java_org_capacitytracker_api_Native_", stringify!($name))]
        #[allow(non_snake_case)]
        pub extern "system" fn $name<'local>(
            mut env: jni::EnvUnowned<'local>,
            _class: jni::objects::JClass<'local>,
            engine: jni::sys::jlong,
            $($arg: $crate::declare::raw!('local, $kind)),*
        ) -> $crate::declare::raw!('local, $ret) {
            $crate::bridge::run(&mut env, |env| {
                let _ = &env;
                $( let $arg = $crate::declare::arg!(env, $kind, $arg); )*
                let $e = $crate::support::engine_ref(engine)?;
                let out: capacity_core::Result<_> = $body;
                let out = out.map_err($crate::bridge::BridgeError::from);
                $crate::declare::ret!(env, $ret, out)
            })
        }
    };

    (@export storage $name:ident [$($attr:tt)*] ($($arg:ident : $kind:ident),*) $ret:ident { |$e:ident, $s:ident| $body:expr }) => {
        $($attr)*
        #[export_name = concat!("Java_org_capacitytracker_api_Native_", stringify!($name))]
        #[allow(non_snake_case)]
        pub extern "system" fn $name<'local>(
            mut env: jni::EnvUnowned<'local>,
            _class: jni::objects::JClass<'local>,
            engine: jni::sys::jlong,
            storage: jni::objects::JObject<'local>,
            $($arg: $crate::declare::raw!('local, $kind)),*
        ) -> $crate::declare::raw!('local, $ret) {
            $crate::bridge::run(&mut env, |env| {
                $( let $arg = $crate::declare::arg!(env, $kind, $arg); )*
                let out = $crate::support::with_storage(env, engine, &storage, |$e, $s| $body);
                $crate::declare::ret!(env, $ret, out)
            })
        }
    };

    (@export access $name:ident [$($attr:tt)*] ($($arg:ident : $kind:ident),*) $ret:ident { |$e:ident, $h:ident| $body:expr }) => {
        $($attr)*
        #[export_name = concat!("Java_org_capacitytracker_api_Native_", stringify!($name))]
        #[allow(non_snake_case)]
        pub extern "system" fn $name<'local>(
            mut env: jni::EnvUnowned<'local>,
            _class: jni::objects::JClass<'local>,
            engine: jni::sys::jlong,
            storage: jni::objects::JObject<'local>,
            subject: jni::objects::JObject<'local>,
            $($arg: $crate::declare::raw!('local, $kind)),*
        ) -> $crate::declare::raw!('local, $ret) {
            $crate::bridge::run(&mut env, |env| {
                $( let $arg = $crate::declare::arg!(env, $kind, $arg); )*
                let out = $crate::support::with_access(env, engine, &storage, &subject, |$e, $h| $body);
                $crate::declare::ret!(env, $ret, out)
            })
        }
    };
}

pub(crate) use {arg, descriptor, java_type, native_methods, raw, ret};
