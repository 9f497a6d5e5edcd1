// Bounded JSON reading: see json_input.hpp.
#include "json_input.hpp"

#include <string>
#include <vector>

namespace fordela::detail {
namespace {

using json = nlohmann::json;

// Builds the DOM like nlohmann's own SAX DOM parser, but iteratively
// bounded in depth, never throwing, and with floats kept as their text.
class BoundedDomBuilder {
 public:
  BoundedDomBuilder(std::size_t max_depth, const ListTaker* taker) : max_depth_(max_depth), taker_(taker) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool value) { return put(json(value)); }
  bool number_integer(json::number_integer_t value) { return put(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return put(json(value)); }
  // The source text, not the double, so "0.1" stays exactly one tenth.
  // It is kept as a binary value, a type JSON text cannot otherwise
  // produce, so that readers can tell a number from a string.
  bool number_float(json::number_float_t /*value*/, const std::string& text) {
    return put(json::binary(json::binary_t::container_type(text.begin(), text.end())));
  }
  bool string(std::string& value) { return put(json(std::move(value))); }
  bool binary(json::binary_t& /*value*/) { return put(json(nullptr)); }

  bool start_object(std::size_t /*size*/) { return open(json::object()); }
  bool start_array(std::size_t /*size*/) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  // A key given twice would otherwise silently take the last value:
  // refused, naming the key.
  bool key(std::string& name) {
    if (!stack_.empty() && stack_.back()->is_object() && stack_.back()->contains(name)) {
      duplicate_key_ = true;
      if (!keys_.empty()) keys_.back() = name;
      return false;
    }
    pending_key_ = name;
    if (!keys_.empty()) keys_.back() = std::move(name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
    error_position_ = position;
    error_token_ = last_token;
    syntax_error_ = true;
    // 406: a number too large for a double ("1e309"). The JSON is well
    // formed; the number is not one Fördela can take.
    number_overflow_ = ex.id == 406;
    message_ = ex.what();
    return false;
  }

  // The JSON pointer of the value being read when the parse stopped.
  std::string current_pointer() const {
    std::string path;
    for (std::size_t i = 0; i < stack_.size(); ++i) {
      path += '/';
      // In an array, an open container is its last element; a value being
      // read is not in it yet.
      const bool inner = i + 1 < stack_.size();
      path += stack_[i]->is_array() ? std::to_string(stack_[i]->size() - (inner ? 1 : 0)) : pointer_token(keys_[i]);
    }
    return path;
  }

  json take() { return std::move(root_); }
  bool too_deep() const { return too_deep_; }
  bool syntax_error() const { return syntax_error_; }
  bool number_overflow() const { return number_overflow_; }
  bool duplicate_key() const { return duplicate_key_; }
  const std::string& message() const { return message_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_token() const { return error_token_; }

 private:
  bool put(json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return true;
    }
    json& top = *stack_.back();
    if (&top == taken_) {
      taker_->take(value);
      top.push_back(nullptr);
    } else if (top.is_array()) {
      top.push_back(std::move(value));
    } else {
      top[pending_key_] = std::move(value);  // a repeated key: the last wins
    }
    return true;
  }

  bool open(json container) {
    if (stack_.size() >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    json* slot = nullptr;
    if (stack_.empty()) {
      root_ = std::move(container);
      slot = &root_;
    } else {
      json& top = *stack_.back();
      if (top.is_array()) {
        top.push_back(std::move(container));
        slot = &top.back();
      } else {
        slot = &(top[pending_key_] = std::move(container));
        if (taker_ != nullptr && stack_.size() == 1 && slot->is_array() && pending_key_ == taker_->key &&
            taker_->start(root_)) {
          taken_ = slot;
        }
      }
    }
    stack_.push_back(slot);
    keys_.emplace_back();
    return true;
  }

  bool close() {
    if (!stack_.empty()) {
      stack_.pop_back();
      keys_.pop_back();
    }
    if (!stack_.empty() && stack_.back() == taken_) {
      json& element = taken_->back();
      taker_->take(element);
      element = nullptr;
    }
    return true;
  }

  std::size_t max_depth_;
  const ListTaker* taker_;
  json* taken_ = nullptr;  // the list being taken, once it opened
  json root_;
  std::vector<json*> stack_;
  std::vector<std::string> keys_;  // the current key at each object level
  std::string pending_key_;
  bool too_deep_ = false;
  bool syntax_error_ = false;
  bool number_overflow_ = false;
  bool duplicate_key_ = false;
  std::string message_;  // the parser's own, English and technical
  std::size_t error_position_ = 0;
  std::string error_token_;
};

// Cuts a token for display: control characters shown as spaces, at most
// 40 bytes, never splitting a UTF-8 sequence.
std::string display_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (out.size() >= 40 && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      out += "…";
      break;
    }
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  }
  return out;
}

// What is wrong inside a string, from the lexer's message: the catalogue's
// phrase for it in plain words; empty when the error is not inside a string.
std::string_view string_problem(const std::string& message) {
  if (message.find("surrogate") != std::string::npos) return "phrase.json.surrogate";
  if (message.find("ill-formed UTF-8") != std::string::npos) return "phrase.json.not_utf8";
  if (message.find("control character") != std::string::npos) return "phrase.json.control";
  if (message.find("escape") != std::string::npos) return "phrase.json.escape";
  return {};
}

}  // namespace

std::optional<std::string> number_text(const json& value) {
  if (!value.is_binary()) return std::nullopt;
  const auto& bytes = value.get_binary();
  return std::string(bytes.begin(), bytes.end());
}

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

JsonInput read_json(std::string_view text, std::size_t max_bytes, std::size_t max_depth, const ListTaker* taker) {
  JsonInput input;
  if (text.size() > max_bytes) {
    input.error = make_finding("document.too_large", "", {{"limit", std::to_string(max_bytes)}});
    return input;
  }
  BoundedDomBuilder builder(max_depth, taker);
  // strict = true: trailing text after the document is an error too.
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  if (ok) {
    input.document = builder.take();
    return input;
  }
  if (builder.too_deep()) {
    input.error = make_finding("document.too_deep", "", {{"limit", std::to_string(max_depth)}});
    return input;
  }
  if (builder.duplicate_key()) {
    const std::string pointer = builder.current_pointer();
    const std::size_t slash = pointer.rfind('/');
    const std::string object = pointer.substr(0, slash);
    input.error = make_finding("json.duplicate_key", pointer,
                               {{"key", display_token(pointer.substr(slash + 1))}, {"object", object.empty() ? "/" : object}});
    return input;
  }
  if (builder.number_overflow()) {
    input.error = make_finding("number.out_of_range", builder.current_pointer(),
                               {{"input", display_token(builder.error_token())}, {"max", "1 000 000 000 000"}});
    return input;
  }
  // nlohmann counts the position in bytes read, one past the offending one.
  std::size_t position = builder.error_position();
  if (position > 0) --position;
  if (position > text.size()) position = text.size();
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < position; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // Columns count characters, not bytes: skip UTF-8 continuation bytes.
  std::size_t column = 1;
  for (std::size_t i = line_start; i < position; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  std::string token = display_token(builder.error_token());
  if (std::string_view reason = string_problem(builder.message()); !reason.empty()) {
    input.error = make_finding("json.string_invalid", builder.current_pointer(),
                               {{"line", std::to_string(line)}, {"column", std::to_string(column)},
                                {"reason_phrase", std::string(reason)}});
    return input;
  }
  input.error = make_finding("json.syntax", "",
                             {{"line", std::to_string(line)},
                              {"column", std::to_string(column)},
                              {"token", token.empty() ? std::string("…") : token}});
  return input;
}

}  // namespace fordela::detail
