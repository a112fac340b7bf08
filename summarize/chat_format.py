"""Turns a system and a user message into the prompt text a model expects, from its own chat template.

The template is the GGUF file's ``tokenizer.chat_template`` (Jinja, rendered in a sandbox by
llama-cpp-python's formatter). A template that refuses a system turn gets the rules folded into the user
turn. A file without a template (a base model) gets its family's turn markers, or plain headed sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarize.gguf import GgufInfo

_GEMMA = ("{{ bos_token }}{% for m in messages %}<start_of_turn>{{ 'model' if m['role'] == 'assistant' else 'user' }}\n"
          "{{ m['content'] }}<end_of_turn>\n{% endfor %}<start_of_turn>model\n")
_CHATML = ("{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
           "<|im_start|>assistant\n")
_PLAIN = ("{{ bos_token }}{% for m in messages %}### {{ m['role'] | capitalize }}\n{{ m['content'] }}\n\n{% endfor %}"
          "### Assistant\n")
#: Templates for files without one, by architecture prefix.
_FAMILIES = (("gemma", _GEMMA, "gemma turns", False), ("qwen", _CHATML, "ChatML", True))


@dataclass(frozen=True)
class ChatFormat:
    template: str
    origin: str  # "the model file", or the fallback's name
    system_turn: bool = True  # False: the rules go at the start of the user turn (Gemma has no system turn)

    @property
    def from_file(self) -> bool:
        return self.origin == "the model file"


def chat_format(header: GgufInfo) -> ChatFormat:
    if header.chat_template:
        return ChatFormat(header.chat_template, "the model file")
    for prefix, template, name, system_turn in _FAMILIES:
        if header.architecture.startswith(prefix):
            return ChatFormat(template, name, system_turn)
    return ChatFormat(_PLAIN, "plain sections")


def render(chosen: ChatFormat, system: str, user: str, bos: str, eos: str) -> str:
    """The prompt text, ending where the assistant's reply starts."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    formatter = Jinja2ChatFormatter(template=chosen.template, eos_token=eos, bos_token=bos)
    merged: list[Any] = [{"role": "user", "content": f"{system}\n\n{user}"}]
    if not chosen.system_turn:
        return str(formatter(messages=merged).prompt)
    messages: list[Any] = [{"role": "system", "content": system}, {"role": "user", "content": user}]
    try:
        return str(formatter(messages=messages).prompt)
    except Exception:  # noqa: BLE001 - a template may refuse the system role in any way it likes
        return str(formatter(messages=merged).prompt)
