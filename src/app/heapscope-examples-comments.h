/* heapscope-examples-comments.h — written by build-aux/gen-example-comments.py from
 * data/examples: the examples' comments as messages for xgettext. Do not edit. */
#pragma once

#include <glib/gi18n.h>

static const char *const heapscope_examples_comment_table[] = {
  /* aliasing.py */
  NC_ ("example comment", "Aliasing: two names, one list.\nA variable is a name tag pointing at an object; `b = a` copies the\ntag, not the list. Watch both arrows point at the same heap box."),
  NC_ ("example comment", "no new list: b refers to the same object as a"),
  NC_ ("example comment", "change the object through b ..."),
  NC_ ("example comment", "... and a sees it: [1, 2, 3, 4]"),
  NC_ ("example comment", "True: one object, two names"),
  NC_ ("example comment", "list(a) builds a NEW list holding the same items."),
  NC_ ("example comment", "only c's list grows"),
  NC_ ("example comment", "False (different objects), True (equal values)"),
  NC_ ("example comment", "Rebinding a name moves its arrow; the old object is untouched."),
  /* binary_tree.py */
  NC_ ("example comment", "A binary search tree made of nested lists: [value, left, right].\nEvery subtree is a separate list object; empty subtrees are None."),
  NC_ ("example comment", "a second name for the left subtree"),
  NC_ ("example comment", "changes what root sees too"),
  /* classes.py */
  NC_ ("example comment", "Instances are heap objects with their own attribute dicts."),
  NC_ ("example comment", "a new object"),
  NC_ ("example comment", "alias: same instance"),
  NC_ ("example comment", "a different instance"),
  NC_ ("example comment", "Class attributes are shared by all instances through the class."),
  /* closures.py */
  NC_ ("example comment", "Closures: an inner function keeps the variables of the call that made it\n(through nonlocal and captured cells)."),
  NC_ ("example comment", "rebind the variable of make_counter's frame"),
  NC_ ("example comment", "a separate frame, a separate `count`"),
  NC_ ("example comment", "`factor` outlives make_multiplier's frame"),
  /* copying.py */
  NC_ ("example comment", "Copying lists: shallow copies share the inner objects, deep copies do not.\ncopy.copy(x) (like list(x), x[:] and x.copy()) makes a new OUTER list whose\nitems are the same objects as before: the arrows are copied.\ncopy.deepcopy(x) copies the inner lists too, each one once."),
  NC_ ("example comment", "replacing an item only affects the copy"),
  NC_ ("example comment", "mutating a shared inner list shows in the shallow copy"),
  /* cycle_gc.py */
  NC_ ("example comment", "Reference cycles and the cycle collector.\nTwo lists pointing at each other keep each other's count above zero,\nso deleting the names does not free them; gc.collect() finds them."),
  NC_ ("example comment", "so the collector runs only when we ask"),
  NC_ ("example comment", "a -> b -> a: a cycle"),
  NC_ ("example comment", "unreachable now, but still alive (a leak)"),
  NC_ ("example comment", "the collector frees the unreachable cycle"),
  NC_ ("example comment", "A list that contains itself is the smallest cycle."),
  /* del_names.py */
  NC_ ("example comment", "del removes a NAME (or a slot), never the object directly.\nThe object is freed only when no references to it remain."),
  NC_ ("example comment", "the name a is gone; the list still has b"),
  NC_ ("example comment", "nothing else refers to the str: it is freed"),
  NC_ ("example comment", "the name can be bound again later"),
  NC_ ("example comment", "removes the dict's reference only"),
  NC_ ("example comment", "the list slot is gone; `first` keeps [1] alive"),
  NC_ ("example comment", "removes all remaining slots: [2] and [3] are freed"),
  /* dict_of_lists.py */
  NC_ ("example comment", "A dict whose values are lists: grouping words by first letter.\nThe dict holds references to the lists; appending through any\nreference changes the one shared list."),
  NC_ ("example comment", "a new list for a new letter"),
  NC_ ("example comment", "another reference to the same list"),
  NC_ ("example comment", "The trap: dict.fromkeys with a list gives EVERY key the same list."),
  /* generators.py */
  NC_ ("example comment", "A generator keeps its frame alive between values."),
  NC_ ("example comment", "pause here; the frame and `n` stay on the heap"),
  NC_ ("example comment", "runs until the first yield"),
  NC_ ("example comment", "resumes where it paused"),
  NC_ ("example comment", "the for loop drains the rest"),
  /* grid_trap.py */
  NC_ ("example comment", "The [[0] * 3] * 3 trap.\nMultiplying a list repeats the REFERENCES it holds, so the outer list\ngets three arrows to one single row object."),
  NC_ ("example comment", "every row changed!"),
  NC_ ("example comment", "True: one row, three arrows"),
  NC_ ("example comment", "The fix: build each row separately, so there are three row objects."),
  NC_ ("example comment", "only the first row changed"),
  NC_ ("example comment", "[0] * 3 itself is fine: ints are immutable, so sharing them is harmless."),
  /* interning.py */
  NC_ ("example comment", "Interning: some immutable objects are shared instead of copied.\nCPython keeps one object for each small int from -5 to 256, and one\nfor identifier-like string literals. `is` reveals the sharing."),
  NC_ ("example comment", "256, computed at run time ..."),
  NC_ ("example comment", "True True: small ints are cached"),
  NC_ ("example comment", "outside the cache: each int made at run time is a new object"),
  NC_ ("example comment", "equal to c, but another object"),
  NC_ ("example comment", "same identifier-like literal: same object"),
  NC_ ("example comment", "built at run time: a new string"),
  NC_ ("example comment", "Moral: use == to compare values; `is` only for None (and identity)."),
  /* linked_list.py */
  NC_ ("example comment", "A singly linked list built from objects.\nEach node refers to the next one; the last refers to None."),
  NC_ ("example comment", "the new node points at the old head"),
  NC_ ("example comment", "walk the chain of references"),
  NC_ ("example comment", "Unlink the second node: nothing refers to it any more, so it is freed."),
  /* mutable_default.py */
  NC_ ("example comment", "Mutable default arguments are created once, when `def` runs.\nEvery call that uses the default gets the SAME list object, so it\nremembers what earlier calls put in it."),
  NC_ ("example comment", "True: both are the default list"),
  NC_ ("example comment", "Passing a list explicitly avoids the shared default."),
  NC_ ("example comment", "The usual fix: use None as the default and build a fresh list inside."),
  NC_ ("example comment", "a new list on every call"),
  /* recursion_frames.py */
  NC_ ("example comment", "Every call gets a new frame with its own local variables.\nStep through and watch the stack grow, then shrink as calls return."),
  NC_ ("example comment", "base case: the deepest frame returns first"),
  NC_ ("example comment", "Each frame's `depth` is separate, even though the name is the same."),
  NC_ ("example comment", "A list passed down the calls is shared by every frame."),
  /* refcounts.py */
  NC_ ("example comment", "Reference counts: how many arrows point at an object.\nsys.getrefcount reports one more than you expect, because passing the\nobject to the function adds a temporary reference."),
  NC_ ("example comment", "2: `data` + the argument"),
  NC_ ("example comment", "3: `alias` points at it too"),
  NC_ ("example comment", "5: two more arrows from holder"),
  NC_ ("example comment", "2: back to just `data`"),
  NC_ ("example comment", "When the count reaches zero the list is freed immediately."),
  /* string_immutable.py */
  NC_ ("example comment", "Strings are immutable: every \"change\" creates a new string object."),
  NC_ ("example comment", "t and s share one string"),
  NC_ ("example comment", "builds \"cats\"; t still refers to \"cat\""),
  NC_ ("example comment", "methods return new strings"),
  NC_ ("example comment", "s[0] = \"b\" would raise TypeError: 'str' object does not support item assignment"),
  NC_ ("example comment", "to edit, copy into a mutable list ..."),
  NC_ ("example comment", "... and join back into a new string"),
  NC_ ("example comment", "+= on a string also rebinds the name to a new object."),
  /* swap_and_unpack.py */
  NC_ ("example comment", "Tuple assignment swaps the arrows, not the objects."),
  NC_ ("example comment", "both right-hand values are read first"),
  NC_ ("example comment", "True: the same list, now reached through b"),
  NC_ ("example comment", "Unpacking gives names to the items of a sequence."),
  /* tuples_immutable.py */
  NC_ ("example comment", "Tuples cannot change, but the objects inside them can."),
  NC_ ("example comment", "point[0] = 5 would raise TypeError: 'tuple' object does not support item assignment"),
  NC_ ("example comment", "a NEW tuple; point is unchanged"),
  NC_ ("example comment", "the tuple holds a reference to a list"),
  NC_ ("example comment", "the list is mutable, so this works"),
  NC_ ("example comment", "\"Changing\" a tuple variable rebinds the name to a new tuple."),
  NC_ ("example comment", "Tuple unpacking copies references, not objects."),
};
