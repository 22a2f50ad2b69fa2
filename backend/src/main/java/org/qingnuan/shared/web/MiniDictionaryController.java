package org.qingnuan.shared.web;

import org.qingnuan.api.mini.DictionariesView;
import org.qingnuan.api.mini.MiniDictionaryApi;
import org.springframework.web.bind.annotation.RestController;

/** The labels span tickets, volunteers and pairings, so no one feature owns them. */
@RestController
class MiniDictionaryController implements MiniDictionaryApi {

    private static final DictionariesView DICTIONARIES = DictionariesView.current();

    @Override
    public DictionariesView dictionaries() {
        return DICTIONARIES;
    }
}
