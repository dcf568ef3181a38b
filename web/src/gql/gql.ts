/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Tenant {\n    tenant {\n      slug\n      name\n      languages\n      login {\n        residents {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n        staff {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n      }\n      theme {\n        className\n        logo\n      }\n      ...ChannelList_Tenant\n    }\n  }\n": typeof types.TenantDocument,
    "\n  fragment CaseDecision_Decision on Decision {\n    name\n    effect\n    explanation\n    decidedAt\n  }\n": typeof types.CaseDecision_DecisionFragmentDoc,
    "\n  fragment CaseProgress_Case on Case {\n    status {\n      code\n      name\n      explanation\n      since\n      daysInStep\n      end\n    }\n    timeline {\n      code\n      name\n      at\n      explanation\n    }\n    expectedCompletion\n    caseType {\n      statuses {\n        code\n        name\n        explanation\n        end\n        next\n      }\n    }\n  }\n": typeof types.CaseProgress_CaseFragmentDoc,
    "\n  fragment CaseSummary_Case on Case {\n    reference\n    caseType {\n      name\n    }\n    status {\n      name\n      end\n    }\n    submittedAt\n    expectedCompletion\n    decision {\n      name\n    }\n  }\n": typeof types.CaseSummary_CaseFragmentDoc,
    "\n  fragment ChannelList_Tenant on Tenant {\n    channels {\n      kind\n      contact\n      appointmentOnly\n      openingHours {\n        fromDay\n        toDay\n        opens\n        closes\n      }\n    }\n  }\n": typeof types.ChannelList_TenantFragmentDoc,
    "\n  fragment ComparablesPlot_Report on ValuationReportInfo {\n    radiusMeters\n    object {\n      address {\n        latitude\n        longitude\n      }\n    }\n    comparables {\n      id\n      value\n      floorArea\n      buildYear\n      distanceMeters\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n        latitude\n        longitude\n      }\n    }\n  }\n": typeof types.ComparablesPlot_ReportFragmentDoc,
    "\n  query ProductSearch($search: String!) {\n    products(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          code\n          name\n        }\n        snippet {\n          html\n        }\n      }\n    }\n  }\n": typeof types.ProductSearchDocument,
    "\n  mutation ReportSearchChoice($input: ReportSearchChoiceInput!) {\n    reportSearchChoice(input: $input) {\n      counted\n    }\n  }\n": typeof types.ReportSearchChoiceDocument,
    "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      subscription {\n        id\n        topic\n      }\n    }\n  }\n": typeof types.SubscribeDocument,
    "\n  fragment SubscriptionItem_Subscription on NotificationSubscription {\n    id\n    topic\n    channel\n    address\n    radiusMeters\n    products\n    createdAt\n  }\n": typeof types.SubscriptionItem_SubscriptionFragmentDoc,
    "\n  mutation Unsubscribe($input: UnsubscribeInput!) {\n    unsubscribe(input: $input) {\n      subscription {\n        id\n        endedAt\n      }\n    }\n  }\n": typeof types.UnsubscribeDocument,
    "\n  fragment ValueHistoryChart_Report on ValuationReportInfo {\n    history {\n      referenceDate\n      value\n    }\n  }\n": typeof types.ValueHistoryChart_ReportFragmentDoc,
    "\n  query Me {\n    me {\n      actor\n      capabilities {\n        object\n        action\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Callbacks {\n    callbacks(first: 100) {\n      nodes {\n        id\n        team\n        phone\n        question\n        subject\n        requestedAt\n        deadline\n        overdue\n        version\n      }\n    }\n  }\n": typeof types.CallbacksDocument,
    "\n  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {\n    completeCallback(input: $input) {\n      callback {\n        id\n        completedAt\n        inTime\n      }\n    }\n  }\n": typeof types.ConsoleCompleteCallbackDocument,
    "\n  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {\n    setCaseStatus(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleSetStatusDocument,
    "\n  mutation ConsoleDecide($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleDecideDocument,
    "\n  mutation ConsoleSuspend($input: MoveDeadlineInput!) {\n    suspendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleSuspendDocument,
    "\n  mutation ConsoleExtend($input: MoveDeadlineInput!) {\n    extendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleExtendDocument,
    "\n  mutation ConsoleAddNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleAddNoteDocument,
    "\n  mutation ConsoleAssign($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ConsoleAssignDocument,
    "\n  query DemoStaff {\n    tenant {\n      demoStaff {\n        id\n        role\n      }\n    }\n  }\n": typeof types.DemoStaffDocument,
    "\n  mutation DemoStaffLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.DemoStaffLoginDocument,
    "\n  query SearchPersons(\n    $surname: String\n    $birthDate: NaiveDate\n    $postcode: String\n    $houseNumber: Int\n  ) {\n    searchPersons(\n      surname: $surname\n      birthDate: $birthDate\n      postcode: $postcode\n      houseNumber: $houseNumber\n      first: 25\n    ) {\n      nodes {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n": typeof types.SearchPersonsDocument,
    "\n  query CallbackTeams {\n    tenant {\n      callbackTeams\n    }\n  }\n": typeof types.CallbackTeamsDocument,
    "\n  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      callback {\n        id\n        team\n        deadline\n      }\n    }\n  }\n": typeof types.ConsoleRequestCallbackDocument,
    "\n  query IntegralView($reference: String!) {\n    case(reference: $reference) {\n      id\n      integralView {\n        conflict\n        conflictingDepartments\n        cases {\n          reference\n          caseType\n          department\n          status\n          open\n        }\n      }\n    }\n  }\n": typeof types.IntegralViewDocument,
    "\n  mutation ConsoleRegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      replayed\n      contact {\n        id\n        question\n        resolvedFirstContact\n      }\n    }\n  }\n": typeof types.ConsoleRegisterContactDocument,
    "\n  query ConsoleResident($bsn: String!) {\n    person(bsn: $bsn) {\n      bsn\n      name {\n        fullName\n      }\n      birth {\n        date\n      }\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n      }\n    }\n    residentView(bsn: $bsn) {\n      contacts(first: 20) {\n        nodes {\n          id\n          channel\n          topicLabel\n          question\n          answer\n          resolvedFirstContact\n          receivedAt\n          employee\n          caseReference\n        }\n      }\n      cases(first: 50) {\n        nodes {\n          id\n          reference\n          caseType {\n            name\n            department\n          }\n          status {\n            name\n            end\n          }\n          decision {\n            name\n          }\n          overdue\n          ...CaseProgress_Case\n        }\n      }\n    }\n  }\n": typeof types.ConsoleResidentDocument,
    "\n  subscription StaffCaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      case {\n        id\n        version\n      }\n    }\n  }\n": typeof types.StaffCaseUpdatedDocument,
    "\n  query ConsoleCaseTypes {\n    caseTypes {\n      code\n      name\n      products\n    }\n  }\n": typeof types.ConsoleCaseTypesDocument,
    "\n  mutation ConsoleStartCase($input: StartCaseInput!) {\n    startCase(input: $input) {\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n      }\n    }\n  }\n": typeof types.ConsoleStartCaseDocument,
    "\n  query TopicSearch($search: String!) {\n    products(search: $search, first: 5) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n": typeof types.TopicSearchDocument,
    "\n  query WorkQueue($filter: CaseFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      totalCount\n      overdueCount\n      nodes {\n        id\n        reference\n        caseType {\n          name\n        }\n        status {\n          name\n        }\n        deadline\n        overdue\n        handler\n        location\n        version\n      }\n    }\n  }\n": typeof types.WorkQueueDocument,
    "\n  query WorkQueueTypes {\n    caseTypes {\n      code\n      name\n      statuses {\n        code\n        name\n        end\n      }\n    }\n  }\n": typeof types.WorkQueueTypesDocument,
    "\n  subscription WorkQueueUpdated {\n    caseUpdated {\n      kind\n      case {\n        id\n      }\n    }\n  }\n": typeof types.WorkQueueUpdatedDocument,
    "\n  query StaffCase($reference: String!) {\n    me {\n      subject\n    }\n    case(reference: $reference) {\n      id\n      reference\n      version\n      location\n      description\n      channel\n      submittedAt\n      deadline\n      overdue\n      suspendedDays\n      extendedDays\n      handler\n      caseType {\n        name\n        department\n        suspensionMaxDays\n        extensionMaxDays\n        statuses {\n          code\n          name\n          end\n          next\n        }\n        outcomes {\n          code\n          name\n        }\n      }\n      status {\n        code\n        name\n        end\n      }\n      decision {\n        name\n        ...CaseDecision_Decision\n      }\n      journal {\n        kind\n        status\n        days\n        publicText\n        internalText\n        actor\n        at\n      }\n      permissions {\n        update\n        decide\n        addNote\n        assign\n      }\n      ...CaseProgress_Case\n    }\n  }\n": typeof types.StaffCaseDocument,
    "\n  query MyCase($reference: String!) {\n    case(reference: $reference) {\n      id\n      reference\n      caseType {\n        name\n      }\n      location\n      description\n      submittedAt\n      status {\n        name\n        end\n      }\n      decision {\n        ...CaseDecision_Decision\n      }\n      ...CaseProgress_Case\n    }\n  }\n": typeof types.MyCaseDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      at\n      case {\n        id\n        version\n        status {\n          name\n        }\n      }\n    }\n  }\n": typeof types.CaseUpdatedDocument,
    "\n  query MyCases {\n    me {\n      cases(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...CaseSummary_Case\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyCasesDocument,
    "\n  query MyContacts {\n    me {\n      contactMoments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            channel\n            topicLabel\n            question\n            answer\n            receivedAt\n            resolvedFirstContact\n            caseReference\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyContactsDocument,
    "\n  query DemoPersonas {\n    tenant {\n      demoPersonas {\n        id\n        bsn\n        address\n        documentExpiresOn\n      }\n    }\n  }\n": typeof types.DemoPersonasDocument,
    "\n  mutation DemoLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": typeof types.DemoLoginDocument,
    "\n  query MyDetails {\n    me {\n      person {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n          place\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n  }\n": typeof types.MyDetailsDocument,
    "\n  query Landing {\n    products(first: 100) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n": typeof types.LandingDocument,
    "\n  query MyNotifications {\n    me {\n      subscriptions(first: 50) {\n        edges {\n          node {\n            id\n            ...SubscriptionItem_Subscription\n          }\n        }\n      }\n      person {\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n    tenant {\n      languages\n      notificationSettings {\n        nearMeRadiusMeters\n        nearMeMaxRadiusMeters\n        travelDocumentReminderWeeks\n      }\n    }\n    caseTypes {\n      code\n      publicNotice\n    }\n    products(first: 100) {\n      nodes {\n        code\n        name\n        caseType\n      }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  query Product($code: String!) {\n    product(code: $code) {\n      code\n      name\n      kind\n      caseType\n      summaryEn\n      description\n      conditions\n      cost\n      delivery\n      channels\n    }\n  }\n": typeof types.ProductDocument,
    "\n  query RequestForm {\n    products(first: 100) {\n      nodes {\n        code\n        name\n        kind\n        caseType\n        channels\n      }\n    }\n    me {\n      person {\n        address {\n          id\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n": typeof types.RequestFormDocument,
    "\n  query AddressLookup($postcode: String!, $houseNumber: Int!) {\n    address(postcode: $postcode, houseNumber: $houseNumber) {\n      id\n      street\n      houseNumber\n      letter\n      addition\n      postcode\n      city\n    }\n  }\n": typeof types.AddressLookupDocument,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      bundleId\n      replayed\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n        expectedCompletion\n      }\n    }\n  }\n": typeof types.SubmitRequestDocument,
    "\n  query MyValuation {\n    valuationReport {\n      object {\n        id\n        value\n        referenceDate\n        floorArea\n        plotArea\n        buildYear\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n      bandPercent\n      ...ValueHistoryChart_Report\n      ...ComparablesPlot_Report\n    }\n  }\n": typeof types.MyValuationDocument,
};
const documents: Documents = {
    "\n  query Tenant {\n    tenant {\n      slug\n      name\n      languages\n      login {\n        residents {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n        staff {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n      }\n      theme {\n        className\n        logo\n      }\n      ...ChannelList_Tenant\n    }\n  }\n": types.TenantDocument,
    "\n  fragment CaseDecision_Decision on Decision {\n    name\n    effect\n    explanation\n    decidedAt\n  }\n": types.CaseDecision_DecisionFragmentDoc,
    "\n  fragment CaseProgress_Case on Case {\n    status {\n      code\n      name\n      explanation\n      since\n      daysInStep\n      end\n    }\n    timeline {\n      code\n      name\n      at\n      explanation\n    }\n    expectedCompletion\n    caseType {\n      statuses {\n        code\n        name\n        explanation\n        end\n        next\n      }\n    }\n  }\n": types.CaseProgress_CaseFragmentDoc,
    "\n  fragment CaseSummary_Case on Case {\n    reference\n    caseType {\n      name\n    }\n    status {\n      name\n      end\n    }\n    submittedAt\n    expectedCompletion\n    decision {\n      name\n    }\n  }\n": types.CaseSummary_CaseFragmentDoc,
    "\n  fragment ChannelList_Tenant on Tenant {\n    channels {\n      kind\n      contact\n      appointmentOnly\n      openingHours {\n        fromDay\n        toDay\n        opens\n        closes\n      }\n    }\n  }\n": types.ChannelList_TenantFragmentDoc,
    "\n  fragment ComparablesPlot_Report on ValuationReportInfo {\n    radiusMeters\n    object {\n      address {\n        latitude\n        longitude\n      }\n    }\n    comparables {\n      id\n      value\n      floorArea\n      buildYear\n      distanceMeters\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n        latitude\n        longitude\n      }\n    }\n  }\n": types.ComparablesPlot_ReportFragmentDoc,
    "\n  query ProductSearch($search: String!) {\n    products(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          code\n          name\n        }\n        snippet {\n          html\n        }\n      }\n    }\n  }\n": types.ProductSearchDocument,
    "\n  mutation ReportSearchChoice($input: ReportSearchChoiceInput!) {\n    reportSearchChoice(input: $input) {\n      counted\n    }\n  }\n": types.ReportSearchChoiceDocument,
    "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      subscription {\n        id\n        topic\n      }\n    }\n  }\n": types.SubscribeDocument,
    "\n  fragment SubscriptionItem_Subscription on NotificationSubscription {\n    id\n    topic\n    channel\n    address\n    radiusMeters\n    products\n    createdAt\n  }\n": types.SubscriptionItem_SubscriptionFragmentDoc,
    "\n  mutation Unsubscribe($input: UnsubscribeInput!) {\n    unsubscribe(input: $input) {\n      subscription {\n        id\n        endedAt\n      }\n    }\n  }\n": types.UnsubscribeDocument,
    "\n  fragment ValueHistoryChart_Report on ValuationReportInfo {\n    history {\n      referenceDate\n      value\n    }\n  }\n": types.ValueHistoryChart_ReportFragmentDoc,
    "\n  query Me {\n    me {\n      actor\n      capabilities {\n        object\n        action\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query Callbacks {\n    callbacks(first: 100) {\n      nodes {\n        id\n        team\n        phone\n        question\n        subject\n        requestedAt\n        deadline\n        overdue\n        version\n      }\n    }\n  }\n": types.CallbacksDocument,
    "\n  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {\n    completeCallback(input: $input) {\n      callback {\n        id\n        completedAt\n        inTime\n      }\n    }\n  }\n": types.ConsoleCompleteCallbackDocument,
    "\n  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {\n    setCaseStatus(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleSetStatusDocument,
    "\n  mutation ConsoleDecide($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleDecideDocument,
    "\n  mutation ConsoleSuspend($input: MoveDeadlineInput!) {\n    suspendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleSuspendDocument,
    "\n  mutation ConsoleExtend($input: MoveDeadlineInput!) {\n    extendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleExtendDocument,
    "\n  mutation ConsoleAddNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleAddNoteDocument,
    "\n  mutation ConsoleAssign($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.ConsoleAssignDocument,
    "\n  query DemoStaff {\n    tenant {\n      demoStaff {\n        id\n        role\n      }\n    }\n  }\n": types.DemoStaffDocument,
    "\n  mutation DemoStaffLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.DemoStaffLoginDocument,
    "\n  query SearchPersons(\n    $surname: String\n    $birthDate: NaiveDate\n    $postcode: String\n    $houseNumber: Int\n  ) {\n    searchPersons(\n      surname: $surname\n      birthDate: $birthDate\n      postcode: $postcode\n      houseNumber: $houseNumber\n      first: 25\n    ) {\n      nodes {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n": types.SearchPersonsDocument,
    "\n  query CallbackTeams {\n    tenant {\n      callbackTeams\n    }\n  }\n": types.CallbackTeamsDocument,
    "\n  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      callback {\n        id\n        team\n        deadline\n      }\n    }\n  }\n": types.ConsoleRequestCallbackDocument,
    "\n  query IntegralView($reference: String!) {\n    case(reference: $reference) {\n      id\n      integralView {\n        conflict\n        conflictingDepartments\n        cases {\n          reference\n          caseType\n          department\n          status\n          open\n        }\n      }\n    }\n  }\n": types.IntegralViewDocument,
    "\n  mutation ConsoleRegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      replayed\n      contact {\n        id\n        question\n        resolvedFirstContact\n      }\n    }\n  }\n": types.ConsoleRegisterContactDocument,
    "\n  query ConsoleResident($bsn: String!) {\n    person(bsn: $bsn) {\n      bsn\n      name {\n        fullName\n      }\n      birth {\n        date\n      }\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n      }\n    }\n    residentView(bsn: $bsn) {\n      contacts(first: 20) {\n        nodes {\n          id\n          channel\n          topicLabel\n          question\n          answer\n          resolvedFirstContact\n          receivedAt\n          employee\n          caseReference\n        }\n      }\n      cases(first: 50) {\n        nodes {\n          id\n          reference\n          caseType {\n            name\n            department\n          }\n          status {\n            name\n            end\n          }\n          decision {\n            name\n          }\n          overdue\n          ...CaseProgress_Case\n        }\n      }\n    }\n  }\n": types.ConsoleResidentDocument,
    "\n  subscription StaffCaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      case {\n        id\n        version\n      }\n    }\n  }\n": types.StaffCaseUpdatedDocument,
    "\n  query ConsoleCaseTypes {\n    caseTypes {\n      code\n      name\n      products\n    }\n  }\n": types.ConsoleCaseTypesDocument,
    "\n  mutation ConsoleStartCase($input: StartCaseInput!) {\n    startCase(input: $input) {\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n      }\n    }\n  }\n": types.ConsoleStartCaseDocument,
    "\n  query TopicSearch($search: String!) {\n    products(search: $search, first: 5) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n": types.TopicSearchDocument,
    "\n  query WorkQueue($filter: CaseFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      totalCount\n      overdueCount\n      nodes {\n        id\n        reference\n        caseType {\n          name\n        }\n        status {\n          name\n        }\n        deadline\n        overdue\n        handler\n        location\n        version\n      }\n    }\n  }\n": types.WorkQueueDocument,
    "\n  query WorkQueueTypes {\n    caseTypes {\n      code\n      name\n      statuses {\n        code\n        name\n        end\n      }\n    }\n  }\n": types.WorkQueueTypesDocument,
    "\n  subscription WorkQueueUpdated {\n    caseUpdated {\n      kind\n      case {\n        id\n      }\n    }\n  }\n": types.WorkQueueUpdatedDocument,
    "\n  query StaffCase($reference: String!) {\n    me {\n      subject\n    }\n    case(reference: $reference) {\n      id\n      reference\n      version\n      location\n      description\n      channel\n      submittedAt\n      deadline\n      overdue\n      suspendedDays\n      extendedDays\n      handler\n      caseType {\n        name\n        department\n        suspensionMaxDays\n        extensionMaxDays\n        statuses {\n          code\n          name\n          end\n          next\n        }\n        outcomes {\n          code\n          name\n        }\n      }\n      status {\n        code\n        name\n        end\n      }\n      decision {\n        name\n        ...CaseDecision_Decision\n      }\n      journal {\n        kind\n        status\n        days\n        publicText\n        internalText\n        actor\n        at\n      }\n      permissions {\n        update\n        decide\n        addNote\n        assign\n      }\n      ...CaseProgress_Case\n    }\n  }\n": types.StaffCaseDocument,
    "\n  query MyCase($reference: String!) {\n    case(reference: $reference) {\n      id\n      reference\n      caseType {\n        name\n      }\n      location\n      description\n      submittedAt\n      status {\n        name\n        end\n      }\n      decision {\n        ...CaseDecision_Decision\n      }\n      ...CaseProgress_Case\n    }\n  }\n": types.MyCaseDocument,
    "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      at\n      case {\n        id\n        version\n        status {\n          name\n        }\n      }\n    }\n  }\n": types.CaseUpdatedDocument,
    "\n  query MyCases {\n    me {\n      cases(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...CaseSummary_Case\n          }\n        }\n      }\n    }\n  }\n": types.MyCasesDocument,
    "\n  query MyContacts {\n    me {\n      contactMoments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            channel\n            topicLabel\n            question\n            answer\n            receivedAt\n            resolvedFirstContact\n            caseReference\n          }\n        }\n      }\n    }\n  }\n": types.MyContactsDocument,
    "\n  query DemoPersonas {\n    tenant {\n      demoPersonas {\n        id\n        bsn\n        address\n        documentExpiresOn\n      }\n    }\n  }\n": types.DemoPersonasDocument,
    "\n  mutation DemoLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n": types.DemoLoginDocument,
    "\n  query MyDetails {\n    me {\n      person {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n          place\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n  }\n": types.MyDetailsDocument,
    "\n  query Landing {\n    products(first: 100) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n": types.LandingDocument,
    "\n  query MyNotifications {\n    me {\n      subscriptions(first: 50) {\n        edges {\n          node {\n            id\n            ...SubscriptionItem_Subscription\n          }\n        }\n      }\n      person {\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n    tenant {\n      languages\n      notificationSettings {\n        nearMeRadiusMeters\n        nearMeMaxRadiusMeters\n        travelDocumentReminderWeeks\n      }\n    }\n    caseTypes {\n      code\n      publicNotice\n    }\n    products(first: 100) {\n      nodes {\n        code\n        name\n        caseType\n      }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  query Product($code: String!) {\n    product(code: $code) {\n      code\n      name\n      kind\n      caseType\n      summaryEn\n      description\n      conditions\n      cost\n      delivery\n      channels\n    }\n  }\n": types.ProductDocument,
    "\n  query RequestForm {\n    products(first: 100) {\n      nodes {\n        code\n        name\n        kind\n        caseType\n        channels\n      }\n    }\n    me {\n      person {\n        address {\n          id\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n": types.RequestFormDocument,
    "\n  query AddressLookup($postcode: String!, $houseNumber: Int!) {\n    address(postcode: $postcode, houseNumber: $houseNumber) {\n      id\n      street\n      houseNumber\n      letter\n      addition\n      postcode\n      city\n    }\n  }\n": types.AddressLookupDocument,
    "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      bundleId\n      replayed\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n        expectedCompletion\n      }\n    }\n  }\n": types.SubmitRequestDocument,
    "\n  query MyValuation {\n    valuationReport {\n      object {\n        id\n        value\n        referenceDate\n        floorArea\n        plotArea\n        buildYear\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n      bandPercent\n      ...ValueHistoryChart_Report\n      ...ComparablesPlot_Report\n    }\n  }\n": types.MyValuationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenant {\n    tenant {\n      slug\n      name\n      languages\n      login {\n        residents {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n        staff {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n      }\n      theme {\n        className\n        logo\n      }\n      ...ChannelList_Tenant\n    }\n  }\n"): (typeof documents)["\n  query Tenant {\n    tenant {\n      slug\n      name\n      languages\n      login {\n        residents {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n        staff {\n          issuer\n          clientId\n          scopes\n          demo\n        }\n      }\n      theme {\n        className\n        logo\n      }\n      ...ChannelList_Tenant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseDecision_Decision on Decision {\n    name\n    effect\n    explanation\n    decidedAt\n  }\n"): (typeof documents)["\n  fragment CaseDecision_Decision on Decision {\n    name\n    effect\n    explanation\n    decidedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseProgress_Case on Case {\n    status {\n      code\n      name\n      explanation\n      since\n      daysInStep\n      end\n    }\n    timeline {\n      code\n      name\n      at\n      explanation\n    }\n    expectedCompletion\n    caseType {\n      statuses {\n        code\n        name\n        explanation\n        end\n        next\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CaseProgress_Case on Case {\n    status {\n      code\n      name\n      explanation\n      since\n      daysInStep\n      end\n    }\n    timeline {\n      code\n      name\n      at\n      explanation\n    }\n    expectedCompletion\n    caseType {\n      statuses {\n        code\n        name\n        explanation\n        end\n        next\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaseSummary_Case on Case {\n    reference\n    caseType {\n      name\n    }\n    status {\n      name\n      end\n    }\n    submittedAt\n    expectedCompletion\n    decision {\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CaseSummary_Case on Case {\n    reference\n    caseType {\n      name\n    }\n    status {\n      name\n      end\n    }\n    submittedAt\n    expectedCompletion\n    decision {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChannelList_Tenant on Tenant {\n    channels {\n      kind\n      contact\n      appointmentOnly\n      openingHours {\n        fromDay\n        toDay\n        opens\n        closes\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ChannelList_Tenant on Tenant {\n    channels {\n      kind\n      contact\n      appointmentOnly\n      openingHours {\n        fromDay\n        toDay\n        opens\n        closes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ComparablesPlot_Report on ValuationReportInfo {\n    radiusMeters\n    object {\n      address {\n        latitude\n        longitude\n      }\n    }\n    comparables {\n      id\n      value\n      floorArea\n      buildYear\n      distanceMeters\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n        latitude\n        longitude\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ComparablesPlot_Report on ValuationReportInfo {\n    radiusMeters\n    object {\n      address {\n        latitude\n        longitude\n      }\n    }\n    comparables {\n      id\n      value\n      floorArea\n      buildYear\n      distanceMeters\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n        latitude\n        longitude\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductSearch($search: String!) {\n    products(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          code\n          name\n        }\n        snippet {\n          html\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductSearch($search: String!) {\n    products(search: $search, first: 10) {\n      totalCount\n      edges {\n        node {\n          code\n          name\n        }\n        snippet {\n          html\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportSearchChoice($input: ReportSearchChoiceInput!) {\n    reportSearchChoice(input: $input) {\n      counted\n    }\n  }\n"): (typeof documents)["\n  mutation ReportSearchChoice($input: ReportSearchChoiceInput!) {\n    reportSearchChoice(input: $input) {\n      counted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      subscription {\n        id\n        topic\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Subscribe($input: SubscribeInput!) {\n    subscribe(input: $input) {\n      subscription {\n        id\n        topic\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionItem_Subscription on NotificationSubscription {\n    id\n    topic\n    channel\n    address\n    radiusMeters\n    products\n    createdAt\n  }\n"): (typeof documents)["\n  fragment SubscriptionItem_Subscription on NotificationSubscription {\n    id\n    topic\n    channel\n    address\n    radiusMeters\n    products\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unsubscribe($input: UnsubscribeInput!) {\n    unsubscribe(input: $input) {\n      subscription {\n        id\n        endedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Unsubscribe($input: UnsubscribeInput!) {\n    unsubscribe(input: $input) {\n      subscription {\n        id\n        endedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ValueHistoryChart_Report on ValuationReportInfo {\n    history {\n      referenceDate\n      value\n    }\n  }\n"): (typeof documents)["\n  fragment ValueHistoryChart_Report on ValuationReportInfo {\n    history {\n      referenceDate\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      actor\n      capabilities {\n        object\n        action\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      actor\n      capabilities {\n        object\n        action\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Callbacks {\n    callbacks(first: 100) {\n      nodes {\n        id\n        team\n        phone\n        question\n        subject\n        requestedAt\n        deadline\n        overdue\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query Callbacks {\n    callbacks(first: 100) {\n      nodes {\n        id\n        team\n        phone\n        question\n        subject\n        requestedAt\n        deadline\n        overdue\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {\n    completeCallback(input: $input) {\n      callback {\n        id\n        completedAt\n        inTime\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {\n    completeCallback(input: $input) {\n      callback {\n        id\n        completedAt\n        inTime\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {\n    setCaseStatus(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetStatus($input: SetCaseStatusInput!) {\n    setCaseStatus(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDecide($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDecide($input: DecideCaseInput!) {\n    decideCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSuspend($input: MoveDeadlineInput!) {\n    suspendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSuspend($input: MoveDeadlineInput!) {\n    suspendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleExtend($input: MoveDeadlineInput!) {\n    extendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleExtend($input: MoveDeadlineInput!) {\n    extendCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAddNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAddNote($input: AddCaseNoteInput!) {\n    addCaseNote(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleAssign($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleAssign($input: AssignCaseInput!) {\n    assignCase(input: $input) {\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoStaff {\n    tenant {\n      demoStaff {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoStaff {\n    tenant {\n      demoStaff {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoStaffLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation DemoStaffLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPersons(\n    $surname: String\n    $birthDate: NaiveDate\n    $postcode: String\n    $houseNumber: Int\n  ) {\n    searchPersons(\n      surname: $surname\n      birthDate: $birthDate\n      postcode: $postcode\n      houseNumber: $houseNumber\n      first: 25\n    ) {\n      nodes {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPersons(\n    $surname: String\n    $birthDate: NaiveDate\n    $postcode: String\n    $houseNumber: Int\n  ) {\n    searchPersons(\n      surname: $surname\n      birthDate: $birthDate\n      postcode: $postcode\n      houseNumber: $houseNumber\n      first: 25\n    ) {\n      nodes {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallbackTeams {\n    tenant {\n      callbackTeams\n    }\n  }\n"): (typeof documents)["\n  query CallbackTeams {\n    tenant {\n      callbackTeams\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      callback {\n        id\n        team\n        deadline\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      callback {\n        id\n        team\n        deadline\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegralView($reference: String!) {\n    case(reference: $reference) {\n      id\n      integralView {\n        conflict\n        conflictingDepartments\n        cases {\n          reference\n          caseType\n          department\n          status\n          open\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntegralView($reference: String!) {\n    case(reference: $reference) {\n      id\n      integralView {\n        conflict\n        conflictingDepartments\n        cases {\n          reference\n          caseType\n          department\n          status\n          open\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      replayed\n      contact {\n        id\n        question\n        resolvedFirstContact\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      replayed\n      contact {\n        id\n        question\n        resolvedFirstContact\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleResident($bsn: String!) {\n    person(bsn: $bsn) {\n      bsn\n      name {\n        fullName\n      }\n      birth {\n        date\n      }\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n      }\n    }\n    residentView(bsn: $bsn) {\n      contacts(first: 20) {\n        nodes {\n          id\n          channel\n          topicLabel\n          question\n          answer\n          resolvedFirstContact\n          receivedAt\n          employee\n          caseReference\n        }\n      }\n      cases(first: 50) {\n        nodes {\n          id\n          reference\n          caseType {\n            name\n            department\n          }\n          status {\n            name\n            end\n          }\n          decision {\n            name\n          }\n          overdue\n          ...CaseProgress_Case\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleResident($bsn: String!) {\n    person(bsn: $bsn) {\n      bsn\n      name {\n        fullName\n      }\n      birth {\n        date\n      }\n      address {\n        street\n        houseNumber\n        letter\n        addition\n        postcode\n        city\n      }\n    }\n    residentView(bsn: $bsn) {\n      contacts(first: 20) {\n        nodes {\n          id\n          channel\n          topicLabel\n          question\n          answer\n          resolvedFirstContact\n          receivedAt\n          employee\n          caseReference\n        }\n      }\n      cases(first: 50) {\n        nodes {\n          id\n          reference\n          caseType {\n            name\n            department\n          }\n          status {\n            name\n            end\n          }\n          decision {\n            name\n          }\n          overdue\n          ...CaseProgress_Case\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StaffCaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      case {\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StaffCaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      case {\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleCaseTypes {\n    caseTypes {\n      code\n      name\n      products\n    }\n  }\n"): (typeof documents)["\n  query ConsoleCaseTypes {\n    caseTypes {\n      code\n      name\n      products\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleStartCase($input: StartCaseInput!) {\n    startCase(input: $input) {\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleStartCase($input: StartCaseInput!) {\n    startCase(input: $input) {\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TopicSearch($search: String!) {\n    products(search: $search, first: 5) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query TopicSearch($search: String!) {\n    products(search: $search, first: 5) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueue($filter: CaseFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      totalCount\n      overdueCount\n      nodes {\n        id\n        reference\n        caseType {\n          name\n        }\n        status {\n          name\n        }\n        deadline\n        overdue\n        handler\n        location\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkQueue($filter: CaseFilter, $first: Int) {\n    cases(filter: $filter, first: $first) {\n      totalCount\n      overdueCount\n      nodes {\n        id\n        reference\n        caseType {\n          name\n        }\n        status {\n          name\n        }\n        deadline\n        overdue\n        handler\n        location\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueueTypes {\n    caseTypes {\n      code\n      name\n      statuses {\n        code\n        name\n        end\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkQueueTypes {\n    caseTypes {\n      code\n      name\n      statuses {\n        code\n        name\n        end\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkQueueUpdated {\n    caseUpdated {\n      kind\n      case {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WorkQueueUpdated {\n    caseUpdated {\n      kind\n      case {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffCase($reference: String!) {\n    me {\n      subject\n    }\n    case(reference: $reference) {\n      id\n      reference\n      version\n      location\n      description\n      channel\n      submittedAt\n      deadline\n      overdue\n      suspendedDays\n      extendedDays\n      handler\n      caseType {\n        name\n        department\n        suspensionMaxDays\n        extensionMaxDays\n        statuses {\n          code\n          name\n          end\n          next\n        }\n        outcomes {\n          code\n          name\n        }\n      }\n      status {\n        code\n        name\n        end\n      }\n      decision {\n        name\n        ...CaseDecision_Decision\n      }\n      journal {\n        kind\n        status\n        days\n        publicText\n        internalText\n        actor\n        at\n      }\n      permissions {\n        update\n        decide\n        addNote\n        assign\n      }\n      ...CaseProgress_Case\n    }\n  }\n"): (typeof documents)["\n  query StaffCase($reference: String!) {\n    me {\n      subject\n    }\n    case(reference: $reference) {\n      id\n      reference\n      version\n      location\n      description\n      channel\n      submittedAt\n      deadline\n      overdue\n      suspendedDays\n      extendedDays\n      handler\n      caseType {\n        name\n        department\n        suspensionMaxDays\n        extensionMaxDays\n        statuses {\n          code\n          name\n          end\n          next\n        }\n        outcomes {\n          code\n          name\n        }\n      }\n      status {\n        code\n        name\n        end\n      }\n      decision {\n        name\n        ...CaseDecision_Decision\n      }\n      journal {\n        kind\n        status\n        days\n        publicText\n        internalText\n        actor\n        at\n      }\n      permissions {\n        update\n        decide\n        addNote\n        assign\n      }\n      ...CaseProgress_Case\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCase($reference: String!) {\n    case(reference: $reference) {\n      id\n      reference\n      caseType {\n        name\n      }\n      location\n      description\n      submittedAt\n      status {\n        name\n        end\n      }\n      decision {\n        ...CaseDecision_Decision\n      }\n      ...CaseProgress_Case\n    }\n  }\n"): (typeof documents)["\n  query MyCase($reference: String!) {\n    case(reference: $reference) {\n      id\n      reference\n      caseType {\n        name\n      }\n      location\n      description\n      submittedAt\n      status {\n        name\n        end\n      }\n      decision {\n        ...CaseDecision_Decision\n      }\n      ...CaseProgress_Case\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      at\n      case {\n        id\n        version\n        status {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CaseUpdated($caseId: ID!) {\n    caseUpdated(caseId: $caseId) {\n      kind\n      at\n      case {\n        id\n        version\n        status {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCases {\n    me {\n      cases(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...CaseSummary_Case\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCases {\n    me {\n      cases(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            ...CaseSummary_Case\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyContacts {\n    me {\n      contactMoments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            channel\n            topicLabel\n            question\n            answer\n            receivedAt\n            resolvedFirstContact\n            caseReference\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyContacts {\n    me {\n      contactMoments(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            channel\n            topicLabel\n            question\n            answer\n            receivedAt\n            resolvedFirstContact\n            caseReference\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoPersonas {\n    tenant {\n      demoPersonas {\n        id\n        bsn\n        address\n        documentExpiresOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoPersonas {\n    tenant {\n      demoPersonas {\n        id\n        bsn\n        address\n        documentExpiresOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation DemoLogin($input: DemoLoginInput!) {\n    demoLogin(input: $input) {\n      token\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDetails {\n    me {\n      person {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n          place\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyDetails {\n    me {\n      person {\n        bsn\n        name {\n          fullName\n        }\n        birth {\n          date\n          place\n        }\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Landing {\n    products(first: 100) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Landing {\n    products(first: 100) {\n      nodes {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications {\n    me {\n      subscriptions(first: 50) {\n        edges {\n          node {\n            id\n            ...SubscriptionItem_Subscription\n          }\n        }\n      }\n      person {\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n    tenant {\n      languages\n      notificationSettings {\n        nearMeRadiusMeters\n        nearMeMaxRadiusMeters\n        travelDocumentReminderWeeks\n      }\n    }\n    caseTypes {\n      code\n      publicNotice\n    }\n    products(first: 100) {\n      nodes {\n        code\n        name\n        caseType\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications {\n    me {\n      subscriptions(first: 50) {\n        edges {\n          node {\n            id\n            ...SubscriptionItem_Subscription\n          }\n        }\n      }\n      person {\n        travelDocuments {\n          kind\n          number\n          expiresOn\n        }\n      }\n    }\n    tenant {\n      languages\n      notificationSettings {\n        nearMeRadiusMeters\n        nearMeMaxRadiusMeters\n        travelDocumentReminderWeeks\n      }\n    }\n    caseTypes {\n      code\n      publicNotice\n    }\n    products(first: 100) {\n      nodes {\n        code\n        name\n        caseType\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($code: String!) {\n    product(code: $code) {\n      code\n      name\n      kind\n      caseType\n      summaryEn\n      description\n      conditions\n      cost\n      delivery\n      channels\n    }\n  }\n"): (typeof documents)["\n  query Product($code: String!) {\n    product(code: $code) {\n      code\n      name\n      kind\n      caseType\n      summaryEn\n      description\n      conditions\n      cost\n      delivery\n      channels\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestForm {\n    products(first: 100) {\n      nodes {\n        code\n        name\n        kind\n        caseType\n        channels\n      }\n    }\n    me {\n      person {\n        address {\n          id\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RequestForm {\n    products(first: 100) {\n      nodes {\n        code\n        name\n        kind\n        caseType\n        channels\n      }\n    }\n    me {\n      person {\n        address {\n          id\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AddressLookup($postcode: String!, $houseNumber: Int!) {\n    address(postcode: $postcode, houseNumber: $houseNumber) {\n      id\n      street\n      houseNumber\n      letter\n      addition\n      postcode\n      city\n    }\n  }\n"): (typeof documents)["\n  query AddressLookup($postcode: String!, $houseNumber: Int!) {\n    address(postcode: $postcode, houseNumber: $houseNumber) {\n      id\n      street\n      houseNumber\n      letter\n      addition\n      postcode\n      city\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      bundleId\n      replayed\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n        expectedCompletion\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitRequest($input: SubmitRequestInput!) {\n    submitRequest(input: $input) {\n      bundleId\n      replayed\n      cases {\n        id\n        reference\n        caseType {\n          name\n        }\n        expectedCompletion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyValuation {\n    valuationReport {\n      object {\n        id\n        value\n        referenceDate\n        floorArea\n        plotArea\n        buildYear\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n      bandPercent\n      ...ValueHistoryChart_Report\n      ...ComparablesPlot_Report\n    }\n  }\n"): (typeof documents)["\n  query MyValuation {\n    valuationReport {\n      object {\n        id\n        value\n        referenceDate\n        floorArea\n        plotArea\n        buildYear\n        address {\n          street\n          houseNumber\n          letter\n          addition\n          postcode\n          city\n        }\n      }\n      bandPercent\n      ...ValueHistoryChart_Report\n      ...ComparablesPlot_Report\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;