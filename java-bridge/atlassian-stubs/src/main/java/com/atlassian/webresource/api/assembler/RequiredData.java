package com.atlassian.webresource.api.assembler;

import com.atlassian.json.marshal.Jsonable;
import com.atlassian.webresource.api.assembler.resource.ResourcePhase;
import java.util.concurrent.CompletionStage;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.RequiredData} (see STUB-SOURCES.md). */
public interface RequiredData {
    RequiredData requireData(String key, Jsonable content);

    RequiredData requireData(String key, Jsonable content, ResourcePhase resourcePhase);

    RequiredData requireData(String key, Number content);

    RequiredData requireData(String key, Number content, ResourcePhase resourcePhase);

    RequiredData requireData(String key, String content);

    RequiredData requireData(String key, String content, ResourcePhase resourcePhase);

    RequiredData requireData(String key, Boolean content);

    RequiredData requireData(String key, Boolean content, ResourcePhase resourcePhase);

    RequiredData requireData(String key, CompletionStage<Jsonable> promise);
}
