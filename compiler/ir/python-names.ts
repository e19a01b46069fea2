/**
 * What a name must avoid to become Python: keywords, dunder names (`__init__`, `__main__`), and every
 * top-level module name a generated package on the worker's PYTHONPATH would shadow: the whole Python
 * standard library (a package named `threading` or `logging` breaks `import logging` in JAX itself),
 * the package's dependencies and dflashc's support library.
 * Shared by validation (a located diagnostic) and the JAX emitter (a last-line check).
 */
export const PY_KEYWORDS: ReadonlySet<string> = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/**
 * `sys.stdlib_module_names` of Python 3.11 and 3.12, united (3.12 dropped asynchat, asyncore,
 * distutils, imp, smtpd; added _pydatetime, _pylong, _sha2). Regenerate with
 * `python3 -c "import sys; print(sorted(sys.stdlib_module_names))"` for a new Python.
 */
export const STDLIB_MODULES: ReadonlySet<string> = new Set(
  (
  "__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs _codecs_cn _codecs_hk " +
  "_codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections _collections_abc _compat_pickle _compression " +
  "_contextvars _crypt _csv _ctypes _curses _curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib " +
  "_frozen_importlib_external _functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase " +
  "_md5 _msi _multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem " +
  "_posixsubprocess _py_abc _pydatetime _pydecimal _pyio _pylong _queue _random _scproxy _sha1 _sha2 _sha256 " +
  "_sha3 _sha512 _signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct " +
  "_symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref " +
  "_weakrefset _winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop " +
  "base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop " +
  "collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes " +
  "curses dataclasses datetime dbm decimal difflib dis distutils doctest email encodings ensurepip enum errno " +
  "faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext " +
  "glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress " +
  "itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap " +
  "modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator " +
  "optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath " +
  "pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline " +
  "reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtpd " +
  "smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string " +
  "stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios " +
  "textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle " +
  "turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg " +
  "winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo"
  ).split(" "),
);

/** The generated package's dependencies (python/requirements.txt, with their own imports) and the support library. */
export const DEPENDENCY_MODULES: ReadonlySet<string> = new Set(["jax", "jaxlib", "numpy", "ml_dtypes", "scipy", "opt_einsum", "safetensors", "dflashc_jax"]);

/** Every top-level module name a package name must not take. */
export const SHADOWED_MODULES: ReadonlySet<string> = new Set([...STDLIB_MODULES, ...DEPENDENCY_MODULES]);

export const PY_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isPythonIdentifier(name: string): boolean {
  return PY_IDENTIFIER.test(name) && !PY_KEYWORDS.has(name);
}

/** `__init__`, `__main__`: names Python gives a meaning of its own. */
export function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

/** Why a Python identifier cannot name the generated package (it would shadow a module, or is a dunder), or null. */
export function packageShadowProblem(name: string): string | null {
  if (name === "dflashc_jax") return `"${name}" is the name of dflashc's JAX support library, which the generated package sits beside`;
  if (DEPENDENCY_MODULES.has(name)) return `"${name}" would shadow the package's dependency of the same name in the JAX worker`;
  if (STDLIB_MODULES.has(name)) return `"${name}" would shadow the Python standard library module of the same name in the JAX worker`;
  if (isDunder(name)) return `"${name}" is a dunder name, which Python reserves for its own use`;
  return null;
}

/** Why `name` cannot name the generated Python package, or null. */
export function pythonPackageNameProblem(name: string): string | null {
  if (!isPythonIdentifier(name)) return `"${name}" is not a Python identifier (letters, digits, _; not a keyword)`;
  return packageShadowProblem(name);
}
